package org.butterfly.notification.notices;

import java.util.ArrayList;
import java.util.List;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.directory.notification.QueuedNotification;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.SessionRegistry;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.wire.Frame;

/**
 * {@code NOT} delivery (msnp.md §11.6): queued in the directory, sent to MSNP5+ sessions
 * past their first {@code CHG}, each document exactly once (the directory's conditional
 * {@code markDelivered} decides which sender wins). Thread-safe.
 */
public final class NoticeDelivery {

	private final NotificationService notifications;

	private final SessionRegistry sessions;

	public NoticeDelivery(NotificationService notifications, SessionRegistry sessions) {
		this.notifications = notifications;
		this.sessions = sessions;
	}

	/**
	 * Queues a document for the account and, when it is online and can take it, delivers
	 * it now; otherwise it waits for the account's next first {@code CHG}. For the admin
	 * API and the cluster bus.
	 * @return the queued notification
	 */
	public QueuedNotification push(String handle, String document) {
		QueuedNotification queued = this.notifications.enqueue(handle, document);
		this.sessions.deliver(new ClusterEvent.NotificationPushed(queued.account(), queued.id()));
		return queued;
	}

	/**
	 * The {@code NOT} lines of everything queued for the session's account, marked
	 * delivered. Call on the session's executor, after its first {@code CHG}.
	 */
	public List<Frame> pendingFor(NotificationSession session) {
		List<Frame> lines = new ArrayList<>();
		if (!session.dialect().hasPhoneProperties()) {
			return lines;
		}
		for (QueuedNotification queued : this.notifications.pendingFor(session.principal().accountId(),
				session.handle())) {
			if (this.notifications.markDelivered(queued.id())) {
				lines.add(Replies.not(queued.payload()));
			}
		}
		return lines;
	}

}
