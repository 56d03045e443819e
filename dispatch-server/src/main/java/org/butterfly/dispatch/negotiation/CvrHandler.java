package org.butterfly.dispatch.negotiation;

import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.ClientCommands.Cvr;
import org.butterfly.protocol.dispatch.CommandHandler;

/**
 * {@code CVR} after {@code VER}: answered, and the conversation goes on (msnp.md §3.3).
 */
public final class CvrHandler implements CommandHandler<DispatchSession, Cvr> {

	private final VersionCheck versionCheck;

	public CvrHandler(VersionCheck versionCheck) {
		this.versionCheck = versionCheck;
	}

	@Override
	public Class<Cvr> commandType() {
		return Cvr.class;
	}

	@Override
	public void handle(DispatchSession session, Cvr cvr) {
		session.send(this.versionCheck.reply("CVR", cvr.trId(), cvr.clientVersion()));
	}

}
