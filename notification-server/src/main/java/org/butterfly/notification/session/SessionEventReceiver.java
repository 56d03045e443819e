package org.butterfly.notification.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.account.Puid;
import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.contacts.PhoneKey;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.notification.chat.RingAnswers;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.HotmailMessages;
import org.butterfly.protocol.reply.IncomingPage;
import org.butterfly.protocol.reply.NotificationDocument;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.wire.Frame;

/**
 * Turns a {@link ClusterEvent} into the lines one session's client needs, for its dialect
 * and its state (msnp.md §20.2, asynchronous output). Stateless; always called on the
 * recipient session's executor, so it may read and change that session.
 */
public final class SessionEventReceiver {

	private static final PhoneKey[] BPR_KEYS = { PhoneKey.PHH, PhoneKey.PHW, PhoneKey.PHM, PhoneKey.MOB };

	/**
	 * How far past its high water mark a client may fall behind on what others cause
	 * before it is disconnected as a slow consumer (STYLE.md P10).
	 */
	static final long MAX_BACKLOG_BYTES = 1024 * 1024;

	private final Disconnector disconnector;

	private final NotificationService notifications;

	private final RingAnswers rings;

	public SessionEventReceiver(Disconnector disconnector, NotificationService notifications, RingAnswers rings) {
		this.disconnector = disconnector;
		this.notifications = notifications;
		this.rings = rings;
	}

	public void receive(NotificationSession session, ClusterEvent event) {
		if (event instanceof ClusterEvent.Ring ring) {
			// Answered whatever the session's state: a switchboard waits for it.
			this.rings.ring(session, ring);
			return;
		}
		if (Disconnector.isClosing(session.channel()) || !session.isAuthenticated()) {
			return;
		}
		if (session.channel().bytesBeforeWritable() > MAX_BACKLOG_BYTES) {
			this.disconnector.close(session.channel(),
					CloseReason.of(CloseReason.Kind.SLOW_CONSUMER, "backlog over " + MAX_BACKLOG_BYTES + " bytes"));
			return;
		}
		if (event instanceof ClusterEvent.PresenceChanged presence) {
			presenceChanged(session, presence);
		}
		else if (event instanceof ClusterEvent.EntryAdded added) {
			session.send(Replies.add("0", ListType.valueOf(added.list()), added.version(), added.handle(), added.name(),
					null));
		}
		else if (event instanceof ClusterEvent.EntryRemoved removed) {
			if (removed.list().equals(ListType.FL.name())) {
				session.shownOnline().remove(removed.handle());
			}
			session.send(Replies.rem("0", ListType.valueOf(removed.list()), removed.version(), removed.handle(), null));
		}
		else if (event instanceof ClusterEvent.PhonesChanged phones) {
			phonesChanged(session, phones);
		}
		else if (event instanceof ClusterEvent.SignedInElsewhere) {
			this.disconnector.close(session.channel(),
					CloseReason.of(CloseReason.Kind.TAKEN_OVER, "signed in elsewhere"), Replies.OUT_OTHER_LOGIN);
		}
		else if (event instanceof ClusterEvent.NotificationPushed pushed) {
			notificationPushed(session, pushed);
		}
		else if (event instanceof ClusterEvent.Kick) {
			this.disconnector.close(session.channel(),
					CloseReason.of(CloseReason.Kind.COMPLETED, "ended by an operator"), Replies.OUT);
		}
		else if (event instanceof ClusterEvent.PageReceived page) {
			pageReceived(session, page);
		}
		else if (event instanceof ClusterEvent.SystemMessage system) {
			session.send(Replies.hotmailMessage(HotmailMessages.systemShutdown(system.minutes())));
		}
	}

	/**
	 * Sends {@code NLN} or {@code FLN} when what the client shows differs from what it
	 * may see now, and nothing otherwise (msnp.md §8.4). Nothing before the first
	 * {@code CHG}: the {@code ILN} burst gives the snapshot.
	 */
	private void presenceChanged(NotificationSession session, ClusterEvent.PresenceChanged change) {
		if (!session.firstChgDone()) {
			return;
		}
		Map<String, Presence> shown = session.shownOnline();
		Presence before = shown.get(change.owner());
		if (change.status() != null) {
			Status status = Status.valueOf(change.status());
			Presence now = new Presence(status, change.friendlyName(), true);
			if (!now.equals(before)) {
				shown.put(change.owner(), now);
				session.send(Replies.nln(status, change.owner(), change.friendlyName()));
			}
		}
		else if (before != null) {
			shown.remove(change.owner());
			session.send(Replies.fln(change.owner()));
		}
	}

	/** BPR only reaches MSNP5+ clients that did SYN (msnp.md §11.1, §7.4). */
	private void phonesChanged(NotificationSession session, ClusterEvent.PhonesChanged phones) {
		if (session.dialect().hasPhoneProperties() && session.synDone()) {
			List<Frame> lines = new ArrayList<>(4);
			phones.changed()
				.forEach((key, value) -> lines.add(Replies.bpr(phones.version(), phones.owner(), key, value)));
			session.send(lines);
		}
	}

	/**
	 * {@code NOT} only reaches MSNP5+ clients past their first {@code CHG} ([POLICY]
	 * §11.6); otherwise it stays queued for the next first {@code CHG}. Claiming it in
	 * the queue (one statement: marked delivered, document returned) decides the one
	 * sender.
	 */
	private void notificationPushed(NotificationSession session, ClusterEvent.NotificationPushed pushed) {
		if (!session.dialect().hasPhoneProperties() || !session.firstChgDone()) {
			return;
		}
		this.notifications.claim(pushed.id(), session.principal().accountId())
			.ifPresent((document) -> session.send(Replies.not(document)));
	}

	/**
	 * {@code IPG} only reaches MSNP6+ clients (msnp.md §12.2); an older session shows
	 * nothing and the page stays in the outbox for the SMS gateway. The notification and
	 * message ids are the page's id.
	 */
	private void pageReceived(NotificationSession session, ClusterEvent.PageReceived page) {
		if (!session.dialect().hasChallenges()) {
			return;
		}
		Principal recipient = session.principal();
		Puid sender = Puid.of(page.senderId());
		long id = page.pageId() & 0xFFFFFFFFL;
		session.send(Replies
			.ipg(new IncomingPage(id, NotificationDocument.pid(recipient.memberIdHigh(), recipient.memberIdLow()),
					recipient.handle(), NotificationDocument.pid(sender.high(), sender.low()), page.sender(), id,
					page.language(), page.text())
				.toXml()));
	}

	/**
	 * The cluster events of a directory list effect (all but presence checks, which the
	 * sender resolves first).
	 * @param effect the effect
	 * @return the event for the effect's account
	 */
	public static ClusterEvent.ForAccount eventOf(ListEffect effect) {
		if (effect instanceof ListEffect.EntryAdded added) {
			return new ClusterEvent.EntryAdded(added.account(), added.list().name(), added.version(), added.handle(),
					added.name());
		}
		if (effect instanceof ListEffect.EntryRemoved removed) {
			return new ClusterEvent.EntryRemoved(removed.account(), removed.list().name(), removed.version(),
					removed.handle());
		}
		if (effect instanceof ListEffect.PhonesChanged phones) {
			Map<String, String> changed = new LinkedHashMap<>();
			for (PhoneKey key : BPR_KEYS) {
				if (phones.changed().contains(key)) {
					changed.put(key.name(), phones.view().value(key));
				}
			}
			return new ClusterEvent.PhonesChanged(phones.account(), phones.version(), phones.owner(), changed);
		}
		throw new IllegalArgumentException("Presence checks are resolved by the sender: " + effect);
	}

	/** The wire name of a directory list: both enums name the same four lists. */
	public static ListType wireList(org.butterfly.directory.contacts.ListType list) {
		return ListType.valueOf(list.name());
	}

}
