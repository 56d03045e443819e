package org.butterfly.notification.chat;

import java.util.List;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.privacy.VisibilityService;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.Presence;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.tickets.ring.RingOutcome;

/**
 * A switchboard's ring for a callee on this node (msnp.md §13.4, §14.2 checks 3 and 4):
 * decides from the callee's session as it is now whether the invitation may be delivered,
 * sends the {@code RNG} if so, and answers the switchboard node either way. Runs on the
 * callee session's executor; blocks for the privacy check and the answer.
 */
public final class RingAnswers {

	private final VisibilityService visibility;

	private final ClusterBus bus;

	public RingAnswers(VisibilityService visibility, ClusterBus bus) {
		this.visibility = visibility;
		this.bus = bus;
	}

	public void ring(NotificationSession callee, ClusterEvent.Ring ring) {
		RingOutcome outcome = decide(callee, ring);
		if (outcome.delivered()) {
			callee.send(Replies.rng(ring.sessionId(), ring.switchboard(), ring.cookie(), ring.inviter(),
					ring.inviterName()));
		}
		this.bus.send(ring.replyTo(), List.of(new ClusterEvent.RingAnswered(ring.requestId(), outcome.result().name(),
				outcome.calleeFriendlyName())));
	}

	private RingOutcome decide(NotificationSession callee, ClusterEvent.Ring ring) {
		Presence presence = callee.presence();
		if (Disconnector.isClosing(callee.channel()) || !callee.firstChgDone() || !presence.visible()) {
			return RingOutcome.notOnline();
		}
		if (!presence.reachable()) {
			return RingOutcome.imsOff();
		}
		if (!this.visibility.allowedBy(callee.handle(), ring.inviter())) {
			return RingOutcome.notAllowed();
		}
		return RingOutcome.delivered(presence.friendlyName());
	}

}
