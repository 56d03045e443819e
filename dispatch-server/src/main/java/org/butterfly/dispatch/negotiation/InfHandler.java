package org.butterfly.dispatch.negotiation;

import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.ClientCommands.Inf;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;

/** {@code INF}: the only security package is MD5 (msnp.md §3.4). */
public final class InfHandler implements CommandHandler<DispatchSession, Inf> {

	@Override
	public Class<Inf> commandType() {
		return Inf.class;
	}

	@Override
	public void handle(DispatchSession session, Inf inf) {
		session.send(Replies.inf(inf.trId()));
	}

}
