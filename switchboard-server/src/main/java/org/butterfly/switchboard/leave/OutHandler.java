package org.butterfly.switchboard.leave;

import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.switchboard.session.SwitchboardSession;

/**
 * {@code OUT} (msnp.md §14.3): the switchboard closes the connection without a reply
 * ([POLICY] §13.2); the others get {@code BYE handle} when the close is seen
 * ({@link DepartureHandler}).
 */
public final class OutHandler implements CommandHandler<SwitchboardSession, Out> {

	@Override
	public Class<Out> commandType() {
		return Out.class;
	}

	@Override
	public void handle(SwitchboardSession session, Out out) {
		session.close(CloseReason.of(CloseReason.Kind.CLIENT_QUIT, "OUT"), null);
	}

}
