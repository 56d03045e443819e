package org.butterfly.notification.presence;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.ClusterReceiver;
import org.butterfly.cluster.NodeMembership;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.notification.notices.NoticeDelivery;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.SessionRegistry;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;

/**
 * What this node does when the cluster says so (ARCHITECTURE §5, docs/adr/0502): watchers
 * of sessions removed from the directory hear they went offline, sessions the cluster
 * forgot while this node was presumed dead end with {@code OUT SSD}, releases that failed
 * while the database was down are retried, and when the bus resumes after an interruption
 * every session re-reads what it shows (presence, queued {@code NOT}s), since events may
 * have been lost. Membership calls come on the heartbeat thread, bus calls on the bus's;
 * work for a session hops to its executor.
 */
public final class ClusterPresence implements NodeMembership.Listener, ClusterReceiver {

	private final PresenceService presence;

	private final SessionRegistry sessions;

	private final Disconnector disconnector;

	private final NoticeDelivery notices;

	public ClusterPresence(PresenceService presence, SessionRegistry sessions, Disconnector disconnector,
			NoticeDelivery notices) {
		this.presence = presence;
		this.sessions = sessions;
		this.disconnector = disconnector;
		this.notices = notices;
	}

	@Override
	public void receive(List<ClusterEvent> events) {
		this.sessions.receive(events);
	}

	@Override
	public void resumed() {
		for (NotificationSession session : this.sessions.sessions()) {
			try {
				session.executor().execute(() -> {
					this.presence.resync(session);
					if (session.firstChgDone()) {
						session.send(this.notices.pendingFor(session));
					}
				});
			}
			catch (RejectedExecutionException stopped) {
				// The server is stopping: nothing to show any more.
			}
		}
	}

	@Override
	public void ended(List<OnlineSession> ended) {
		for (OnlineSession session : ended) {
			if (session.visible()) {
				this.presence.publishOffline(session.account());
			}
		}
	}

	@Override
	public void rejoined() {
		// Their clients sign in again through the dispatch server.
		for (NotificationSession session : this.sessions.sessions()) {
			this.disconnector.close(session.channel(),
					CloseReason.of(CloseReason.Kind.SERVER_SHUTDOWN, "node was presumed dead"), Replies.OUT_SHUTDOWN);
		}
	}

	@Override
	public void alive() {
		for (NotificationSession session : this.sessions.retryReleases()) {
			if (session.presence().visible()) {
				this.presence.publishOffline(session.handle());
			}
		}
	}

}
