package org.butterfly.switchboard.join;

import org.butterfly.protocol.command.ClientCommands.Ans;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.Handles;
import org.butterfly.server.IdlePhases;
import org.butterfly.switchboard.room.Room;
import org.butterfly.switchboard.room.RoomRegistry;
import org.butterfly.switchboard.session.SwitchboardSession;
import org.butterfly.tickets.TicketVerdict;

/**
 * {@code ANS TrID handle cookie session-id} (msnp.md §14.1): a valid {@code INVITEE}
 * ticket for that handle and session, while its invitation still rings, joins the room:
 * {@code IRO} per participant, {@code ANS TrID OK}, {@code JOI} to the others. A bad
 * cookie, or no such invitation: {@code 911} and close. A room that no longer exists:
 * close without a reply.
 */
public final class AnsHandler implements CommandHandler<SwitchboardSession, Ans> {

	private final SwitchboardTickets tickets;

	private final RoomRegistry rooms;

	private final IdlePhases idle;

	public AnsHandler(SwitchboardTickets tickets, RoomRegistry rooms, IdlePhases idle) {
		this.tickets = tickets;
		this.rooms = rooms;
		this.idle = idle;
	}

	@Override
	public Class<Ans> commandType() {
		return Ans.class;
	}

	@Override
	public void handle(SwitchboardSession session, Ans ans) {
		TicketVerdict verdict = Handles.isValid(ans.handle())
				? this.tickets.verifyInvitee(ans.cookie(), ans.handle(), ans.sessionId()) : null;
		if (verdict == null || !verdict.accepted()) {
			refuse(session, ans, "ANS cookie refused: " + ((verdict != null) ? verdict.refusal() : "malformed handle"));
			return;
		}
		Room room = this.rooms.find(ans.sessionId());
		if (room == null) {
			session.close(CloseReason.of(CloseReason.Kind.REFUSED, "session " + ans.sessionId() + " is gone"), null);
			return;
		}
		session.signedInto(room);
		this.idle.enterKeepAlive(session.channel());
		String handle = verdict.ticket().handle();
		room.execute(() -> {
			switch (room.admit(session, handle, ans.trId())) {
				case ADMITTED, CLOSED -> {
				}
				case ROOM_GONE -> session
					.close(CloseReason.of(CloseReason.Kind.REFUSED, "session " + ans.sessionId() + " is gone"), null);
				case NOT_INVITED -> refuse(session, ans, "no invitation rings for " + handle);
			}
		});
	}

	private static void refuse(SwitchboardSession session, Ans ans, String detail) {
		session.close(CloseReason.of(CloseReason.Kind.REFUSED, detail),
				Replies.error(ErrorCode.AUTHENTICATION_FAILED, ans.trId()));
	}

}
