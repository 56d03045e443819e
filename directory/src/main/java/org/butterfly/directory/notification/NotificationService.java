package org.butterfly.directory.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.NotificationEntity;
import org.butterfly.directory.internal.NotificationRepository;
import org.butterfly.directory.internal.Transactions;

/**
 * The queue of {@code NOT} documents for accounts that are offline when an operator
 * pushes them, delivered at the next sign-in.
 * <p>
 * Guarantees: a notification is delivered at most once, whichever node and however many
 * nodes try ({@link #markDelivered} is a conditional update); expired notifications are
 * never returned as pending, whether or not {@link #expireOld} has run yet.
 */
public class NotificationService {

	private final AccountRepository accounts;

	private final NotificationRepository notifications;

	private final Transactions transactions;

	private final Duration defaultExpiry;

	private final Clock clock;

	public NotificationService(AccountRepository accounts, NotificationRepository notifications,
			Transactions transactions, Duration defaultExpiry, Clock clock) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.transactions = transactions;
		this.defaultExpiry = defaultExpiry;
		this.clock = clock;
	}

	/**
	 * Queues a notification that expires after the configured default (7 days unless
	 * configured).
	 * @param account the target account
	 * @param payload the document
	 * @return the queued notification
	 * @throws AccountNotFoundException if the account does not exist
	 */
	public QueuedNotification enqueue(String account, String payload) {
		return enqueue(account, payload, this.defaultExpiry);
	}

	/**
	 * Queues a notification.
	 * @param account the target account
	 * @param payload the document
	 * @param expiresAfter how long it may wait for delivery
	 * @return the queued notification
	 * @throws AccountNotFoundException if the account does not exist
	 */
	public QueuedNotification enqueue(String account, String payload, Duration expiresAfter) {
		if (payload == null || payload.isEmpty()) {
			throw new IllegalArgumentException("The notification is empty");
		}
		if (expiresAfter.isNegative() || expiresAfter.isZero()) {
			throw new IllegalArgumentException("The expiry must be positive");
		}
		String handle = account.toLowerCase(Locale.ROOT);
		return this.transactions.write(() -> {
			long accountId = this.accounts.findIdByEmail(handle)
				.orElseThrow(() -> new AccountNotFoundException(handle));
			Instant now = this.clock.instant();
			NotificationEntity queued = this.notifications
				.save(new NotificationEntity(accountId, payload, now, now.plus(expiresAfter)));
			return toQueued(queued, handle);
		});
	}

	/**
	 * Queues one notification per account in one transaction, e.g. for a broadcast:
	 * either all are queued or, if an account does not exist, none.
	 * @param payloads the document for each account, in the order to queue them
	 * @param expiresAfter how long they may wait for delivery
	 * @return the queued notifications, in the same order
	 * @throws AccountNotFoundException naming the first account that does not exist
	 */
	public List<QueuedNotification> enqueueAll(Map<String, String> payloads, Duration expiresAfter) {
		if (payloads.values().stream().anyMatch((payload) -> payload == null || payload.isEmpty())) {
			throw new IllegalArgumentException("The notification is empty");
		}
		if (expiresAfter.isNegative() || expiresAfter.isZero()) {
			throw new IllegalArgumentException("The expiry must be positive");
		}
		List<String> handles = payloads.keySet().stream().map((email) -> email.toLowerCase(Locale.ROOT)).toList();
		List<String> documents = List.copyOf(payloads.values());
		return this.transactions.write(() -> {
			Map<String, AccountEntity> found = this.accounts.findAllByEmail(handles);
			Instant now = this.clock.instant();
			List<NotificationEntity> entities = new ArrayList<>(handles.size());
			for (int i = 0; i < handles.size(); i++) {
				AccountEntity account = found.get(handles.get(i));
				if (account == null) {
					throw new AccountNotFoundException(handles.get(i));
				}
				entities.add(new NotificationEntity(account.getId(), documents.get(i), now, now.plus(expiresAfter)));
			}
			List<NotificationEntity> saved = this.notifications.saveAll(entities);
			List<QueuedNotification> queued = new ArrayList<>(saved.size());
			for (int i = 0; i < saved.size(); i++) {
				queued.add(toQueued(saved.get(i), handles.get(i)));
			}
			return queued;
		});
	}

	/**
	 * The account's pending notifications that have not expired, oldest first.
	 * @param account the account
	 * @return the notifications; empty for an unknown account
	 */
	public List<QueuedNotification> pendingFor(String account) {
		String handle = account.toLowerCase(Locale.ROOT);
		return this.transactions.read(() -> this.accounts.findIdByEmail(handle)
			.map((id) -> this.notifications.findPending(id, this.clock.instant(), NotificationState.PENDING))
			.orElse(List.of())
			.stream()
			.map((entity) -> toQueued(entity, handle))
			.toList());
	}

	/**
	 * {@link #pendingFor(String)} for a signed-in session, whose account id is known: one
	 * query fewer.
	 * @param accountId the account's id
	 * @param account the account's handle, carried by the results
	 * @return the notifications, oldest first
	 */
	public List<QueuedNotification> pendingFor(long accountId, String account) {
		String handle = account.toLowerCase(Locale.ROOT);
		return this.transactions
			.read(() -> this.notifications.findPending(accountId, this.clock.instant(), NotificationState.PENDING)
				.stream()
				.map((entity) -> toQueued(entity, handle))
				.toList());
	}

	/**
	 * How many unexpired notifications wait for their recipients, across the cluster: the
	 * {@code butterfly.notifications.queued} gauge.
	 * @return the count
	 */
	public long pendingCount() {
		return this.transactions
			.read(() -> this.notifications.countPending(this.clock.instant(), NotificationState.PENDING));
	}

	/**
	 * Marks one pending, unexpired notification of the account delivered and returns its
	 * document, in one statement: what a node does when told that a notification was
	 * pushed to a session it holds. Of several concurrent callers exactly one gets the
	 * document.
	 * @param id the notification
	 * @param accountId the session's account: another account's notification is not
	 * claimed
	 * @return the document for the caller that should send it; empty if it was delivered
	 * already, has expired, is another account's or does not exist
	 */
	public Optional<String> claim(long id, long accountId) {
		return this.transactions
			.write(() -> this.notifications.claim(id, accountId, this.clock.instant()).stream().findFirst());
	}

	/**
	 * Marks a pending, unexpired notification delivered. Of several concurrent callers
	 * exactly one wins.
	 * @param id the notification
	 * @return {@code true} for the caller that should send it; {@code false} if it was
	 * delivered already, has expired or does not exist
	 */
	public boolean markDelivered(long id) {
		return this.transactions.write(() -> this.notifications.markDelivered(id, this.clock.instant(),
				NotificationState.PENDING, NotificationState.DELIVERED) == 1);
	}

	/**
	 * Marks every pending notification past its expiry as expired.
	 * @return how many expired
	 */
	public int expireOld() {
		return this.transactions.write(() -> this.notifications.expire(this.clock.instant(), NotificationState.PENDING,
				NotificationState.EXPIRED));
	}

	private static QueuedNotification toQueued(NotificationEntity entity, String handle) {
		return new QueuedNotification(entity.getId(), handle, entity.getPayload(), entity.getState(),
				entity.getCreatedAt(), entity.getExpiresAt(), Optional.ofNullable(entity.getDeliveredAt()));
	}

}
