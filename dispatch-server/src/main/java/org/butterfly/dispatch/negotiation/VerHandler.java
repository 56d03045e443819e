package org.butterfly.dispatch.negotiation;

import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.ClientCommands.Ver;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.VersionNegotiation;
import org.butterfly.protocol.wire.Frame;

/**
 * {@code VER}: picks the highest common dialect (msnp.md §3.1). Without one, a client
 * that offered {@code CVR0} may still ask for a version check; any other gets
 * {@code VER t 0} and is closed.
 */
public final class VerHandler implements CommandHandler<DispatchSession, Ver> {

	@Override
	public Class<Ver> commandType() {
		return Ver.class;
	}

	@Override
	public void handle(DispatchSession session, Ver ver) {
		VersionNegotiation negotiation = VersionNegotiation.negotiate(ver.dialects());
		Frame reply = Replies.ver(ver.trId(), negotiation);
		if (negotiation.failed()) {
			session.close(CloseReason.of(CloseReason.Kind.REFUSED, "no common dialect"), reply);
			return;
		}
		if (negotiation.versionCheckOnly()) {
			session.versionCheckOnly();
		}
		else {
			session.dialectChosen(negotiation.dialect().orElseThrow());
		}
		session.send(reply);
	}

}
