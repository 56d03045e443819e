package org.butterfly.switchboard.join;

import org.butterfly.protocol.command.ClientCommands.SbUsr;
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
 * {@code USR TrID handle cookie} (msnp.md §14.1): a valid {@code CALLER} ticket for that
 * handle opens a new room with the caller alone in it, answered
 * {@code USR TrID OK handle friendly-name} (the name travels in the ticket). Any bad
 * cookie, whether malformed, forged, expired, replayed or issued to somebody else, is
 * answered {@code 911 TrID} and the connection closed.
 */
public final class UsrHandler implements CommandHandler<SwitchboardSession, SbUsr> {

	private final SwitchboardTickets tickets;

	private final RoomRegistry rooms;

	private final IdlePhases idle;

	public UsrHandler(SwitchboardTickets tickets, RoomRegistry rooms, IdlePhases idle) {
		this.tickets = tickets;
		this.rooms = rooms;
		this.idle = idle;
	}

	@Override
	public Class<SbUsr> commandType() {
		return SbUsr.class;
	}

	@Override
	public void handle(SwitchboardSession session, SbUsr usr) {
		TicketVerdict verdict = Handles.isValid(usr.handle()) ? this.tickets.verifyCaller(usr.cookie(), usr.handle())
				: null;
		if (verdict == null || !verdict.accepted()) {
			session.close(
					CloseReason.of(CloseReason.Kind.REFUSED,
							"USR cookie refused: " + ((verdict != null) ? verdict.refusal() : "malformed handle")),
					Replies.error(ErrorCode.AUTHENTICATION_FAILED, usr.trId()));
			return;
		}
		Room room = this.rooms.create(session.executor().parent());
		session.signedInto(room);
		this.idle.enterKeepAlive(session.channel());
		String handle = verdict.ticket().handle();
		String friendlyName = verdict.ticket().friendlyName();
		room.execute(() -> room.open(session, handle, friendlyName, usr.trId()));
	}

}
