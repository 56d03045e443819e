package org.butterfly.admin.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.admin.sessions.LiveSessions;
import org.butterfly.admin.web.ApiException;
import org.butterfly.admin.web.InvalidFieldException;
import org.butterfly.admin.web.WireNames;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.directory.notification.QueuedNotification;

import org.springframework.http.HttpStatus;

/**
 * Pushes {@code NOT} alerts: each recipient's document is queued in the directory first
 * (so nothing is lost if the user is offline or its node dies), then, if the user can
 * take it now, its node is told to send it. The node marks it delivered; a user who
 * cannot take it now gets it at the next sign-in, once, unless it expires.
 */
public class NotificationSender {

	/** The most recipients one request may list. */
	public static final int MAX_RECIPIENTS = 1000;

	/** Everybody online who can take a notification now. */
	public static final String ONLINE = "online";

	static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);

	static final Duration MAX_EXPIRY = Duration.ofDays(30);

	/** Who changed what, for operators; never passwords, tokens or documents. */
	private static final Logger audit = LoggerFactory.getLogger("butterfly.admin.audit");

	private final AccountService accounts;

	private final NotificationService notifications;

	private final LiveSessions sessions;

	private final Clock clock;

	public NotificationSender(AccountService accounts, NotificationService notifications, LiveSessions sessions,
			Clock clock) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.sessions = sessions;
		this.clock = clock;
	}

	public Delivery.Pushed push(String email, NotificationRequest request) {
		NotificationDocuments.check(request);
		Duration expiry = expiryOf(request.expiresAt());
		Account recipient = this.accounts.find(email).orElseThrow(() -> new AccountNotFoundException(email));
		long documentId = NotificationDocuments.idOf(request);
		String document = NotificationDocuments.forRecipient(request, documentId, recipient);
		QueuedNotification queued = this.notifications.enqueue(recipient.email(), document, expiry);
		Delivery.State state = handOver(queued);
		audit.info("Notification {} for {}: {}", queued.id(), recipient.email(), state);
		return new Delivery.Pushed(queued.id(), documentId, state, queued.expiresAt());
	}

	/**
	 * Queues the document for every recipient in one transaction, then hands those online
	 * to their nodes with one bus message per node: a broadcast to 10,000 users costs a
	 * few queries, not several per recipient (benchmarks/README.md, alerts).
	 */
	public Delivery.Broadcast broadcast(BroadcastRequest request) {
		NotificationRequest notification = request.notification();
		NotificationDocuments.check(notification);
		Duration expiry = expiryOf(notification.expiresAt());
		List<Account> recipients = recipients(request.to());
		long documentId = NotificationDocuments.idOf(notification);
		// Build every document before queueing any, so a refusal queues nothing.
		Map<String, String> documents = new LinkedHashMap<>();
		recipients.forEach((account) -> documents.put(account.email(),
				NotificationDocuments.forRecipient(notification, documentId, account)));
		List<QueuedNotification> queued = this.notifications.enqueueAll(documents, expiry);
		Map<String, OnlineSession> live = this.sessions.find(documents.keySet());
		Map<String, Long> takers = new LinkedHashMap<>();
		for (QueuedNotification each : queued) {
			OnlineSession session = live.get(each.account());
			if (session != null && LiveSessions.takesNotifications(session)) {
				takers.put(each.account(), each.id());
			}
		}
		boolean handedOver = !takers.isEmpty() && this.sessions.notificationsQueued(takers);
		List<Delivery.Recipient> pushed = new ArrayList<>(queued.size());
		for (QueuedNotification each : queued) {
			boolean delivered = handedOver && takers.containsKey(each.account());
			pushed.add(new Delivery.Recipient(each.account(), each.id(),
					delivered ? Delivery.State.delivered : Delivery.State.queued));
		}
		audit.info("Notification document {} pushed to {} recipients", documentId, pushed.size());
		return new Delivery.Broadcast(documentId, pushed);
	}

	private Delivery.State handOver(QueuedNotification queued) {
		boolean now = this.sessions.find(queued.account()).map(LiveSessions::takesNotifications).orElse(false);
		if (now && this.sessions.notificationQueued(queued.account(), queued.id())) {
			return Delivery.State.delivered;
		}
		return Delivery.State.queued;
	}

	private List<Account> recipients(Object to) {
		if (ONLINE.equals(to)) {
			List<String> online = this.sessions.online()
				.stream()
				.filter(LiveSessions::takesNotifications)
				.map(OnlineSession::account)
				.toList();
			return List.copyOf(this.accounts.findAll(online).values());
		}
		if (!(to instanceof List<?> list) || list.isEmpty() || list.size() > MAX_RECIPIENTS) {
			throw new InvalidFieldException("to",
					"must be \"online\" or a list of 1 to " + MAX_RECIPIENTS + " e-mail addresses");
		}
		Set<String> handles = new LinkedHashSet<>();
		for (Object email : list) {
			if (!(email instanceof String text)) {
				throw new InvalidFieldException("to", "must list e-mail addresses");
			}
			handles.add(WireNames.handle("to", text));
		}
		Map<String, Account> found = this.accounts.findAll(handles);
		List<String> unknown = handles.stream().filter((handle) -> !found.containsKey(handle)).toList();
		if (!unknown.isEmpty()) {
			throw new ApiException(HttpStatus.NOT_FOUND, "No such accounts: " + String.join(", ", unknown));
		}
		return List.copyOf(found.values());
	}

	private Duration expiryOf(Instant expiresAt) {
		if (expiresAt == null) {
			return DEFAULT_EXPIRY;
		}
		Duration expiry = Duration.between(this.clock.instant(), expiresAt);
		if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
			throw new InvalidFieldException("expiresAt", "must be in the future and at most 30 days away");
		}
		return expiry;
	}

}
