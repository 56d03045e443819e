package org.butterfly.switchboard.messaging;

import org.butterfly.protocol.command.ClientCommands.Msg;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.switchboard.room.Room;
import org.butterfly.switchboard.session.SwitchboardSession;

/**
 * {@code MSG TrID U|N|A N} (msnp.md §14.4): relayed by the room, on its executor, to
 * every other participant with the payload untouched, and acknowledged by mode
 * ({@link Room#relay}). The payload is never interpreted: text, typing notifications and
 * application invitations travel alike.
 */
public final class MsgHandler implements CommandHandler<SwitchboardSession, Msg> {

	@Override
	public Class<Msg> commandType() {
		return Msg.class;
	}

	@Override
	public void handle(SwitchboardSession session, Msg msg) {
		Room room = session.room();
		room.execute(() -> room.relay(session, msg));
	}

}
