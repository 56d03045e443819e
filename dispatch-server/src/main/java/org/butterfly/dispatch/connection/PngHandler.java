package org.butterfly.dispatch.connection;

import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.ClientCommands.Png;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;

/** {@code PNG}: answered with {@code QNG} ([POLICY] msnp.md §4). */
public final class PngHandler implements CommandHandler<DispatchSession, Png> {

	@Override
	public Class<Png> commandType() {
		return Png.class;
	}

	@Override
	public void handle(DispatchSession session, Png png) {
		session.send(Replies.QNG);
	}

}
