package org.butterfly.switchboard.invite;

import java.time.Clock;

import org.butterfly.protocol.command.ClientCommands.Cal;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.Handles;
import org.butterfly.switchboard.join.SwitchboardTickets;
import org.butterfly.switchboard.room.Participant;
import org.butterfly.switchboard.room.Room;
import org.butterfly.switchboard.session.SwitchboardSession;
import org.butterfly.tickets.ring.Invitation;
import org.butterfly.tickets.ring.RingOutcome;
import org.butterfly.tickets.ring.Ringer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CAL TrID handle} (msnp.md §14.2), on the room's executor. Checks in order:
 * malformed handle {@code 208}; the caller itself, somebody in the room or still ringing
 * {@code 215}; too many invitations (rate limit, room or invitation bound) {@code 713};
 * then the {@link Ringer} decides: offline, hidden, unknown or IMS off {@code 217},
 * refused by privacy {@code 217} or {@code 216}; delivered {@code CAL TrID RINGING id}.
 * The {@code 713} checks come before the notification server is asked, because asking it
 * already delivers the {@code RNG} (docs/adr/0402).
 */
public final class CalHandler implements CommandHandler<SwitchboardSession, Cal> {

	private static final Logger logger = LoggerFactory.getLogger(CalHandler.class);

	private final Ringer ringer;

	private final SwitchboardTickets tickets;

	private final CallPolicy policy;

	private final Clock clock;

	public CalHandler(Ringer ringer, SwitchboardTickets tickets, CallPolicy policy, Clock clock) {
		this.ringer = ringer;
		this.tickets = tickets;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public Class<Cal> commandType() {
		return Cal.class;
	}

	@Override
	public void handle(SwitchboardSession session, Cal cal) {
		Room room = session.room();
		room.execute(() -> call(room, session, cal));
	}

	private void call(Room room, SwitchboardSession session, Cal cal) {
		Participant caller = room.participant(session);
		if (caller == null) {
			return; // left while the command was queued
		}
		ErrorCode refusal = check(room, caller, cal.handle());
		if (refusal != null) {
			session.send(Replies.error(refusal, cal.trId()));
			return;
		}
		String callee = Handles.normalize(cal.handle());
		Invitation invitation = new Invitation(callee, caller.handle(), caller.friendlyName(), room.id(),
				this.tickets.node(), this.tickets.inviteeTicket(callee, room.id()));
		RingOutcome outcome = ring(invitation);
		if (outcome.delivered()) {
			room.ringing(callee, outcome.calleeFriendlyName());
			session.send(Replies.calRinging(cal.trId(), room.id()));
		}
		else {
			ErrorCode error = (outcome.result() == RingOutcome.Result.NOT_ALLOWED) ? this.policy.privacyRefusal()
					: ErrorCode.PRINCIPAL_NOT_ONLINE;
			session.send(Replies.error(error, cal.trId()));
		}
	}

	private ErrorCode check(Room room, Participant caller, String target) {
		if (!Handles.isValid(target)) {
			return ErrorCode.INVALID_USERNAME;
		}
		String callee = Handles.normalize(target);
		if (callee.equals(caller.handle()) || room.isPresent(callee) || room.isRinging(callee)) {
			return ErrorCode.ALREADY_THERE;
		}
		if (!room.hasRoomForInvitation()
				|| !caller.tryCall(this.policy.maxCalls(), this.policy.window(), this.clock.instant())) {
			return ErrorCode.USER_TOO_ACTIVE;
		}
		return null;
	}

	private RingOutcome ring(Invitation invitation) {
		try {
			return this.ringer.ring(invitation);
		}
		catch (RuntimeException ex) {
			// The notification side failed: to the caller the callee is simply not
			// reachable.
			logger.warn("ringing {} for room {} failed", invitation.callee(), invitation.sessionId(), ex);
			return RingOutcome.notOnline();
		}
	}

}
