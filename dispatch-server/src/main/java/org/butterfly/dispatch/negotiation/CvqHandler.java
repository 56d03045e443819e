package org.butterfly.dispatch.negotiation;

import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.ClientCommands.Cvq;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;

/**
 * {@code CVQ} after {@code VER t CVR0}: answered, then the connection is closed (msnp.md
 * §3.2).
 */
public final class CvqHandler implements CommandHandler<DispatchSession, Cvq> {

	private final VersionCheck versionCheck;

	public CvqHandler(VersionCheck versionCheck) {
		this.versionCheck = versionCheck;
	}

	@Override
	public Class<Cvq> commandType() {
		return Cvq.class;
	}

	@Override
	public void handle(DispatchSession session, Cvq cvq) {
		session.close(CloseReason.of(CloseReason.Kind.COMPLETED, "version check answered"),
				this.versionCheck.reply("CVQ", cvq.trId(), cvq.clientVersion()));
	}

}
