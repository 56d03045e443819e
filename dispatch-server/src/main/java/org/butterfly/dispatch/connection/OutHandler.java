package org.butterfly.dispatch.connection;

import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;

/** {@code OUT}: the dispatch server closes without a reply (msnp.md §20.1). */
public final class OutHandler implements CommandHandler<DispatchSession, Out> {

	@Override
	public Class<Out> commandType() {
		return Out.class;
	}

	@Override
	public void handle(DispatchSession session, Out out) {
		session.close(CloseReason.of(CloseReason.Kind.CLIENT_QUIT, "OUT"), null);
	}

}
