package org.butterfly.dispatch.referral;

import java.util.function.Supplier;

import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.ClientCommands.Usr;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.Handles;
import org.butterfly.server.AdvertisedAddress;

/**
 * {@code USR MD5 I handle}: refers the client to a notification server in the layout of
 * its dialect, then closes (msnp.md §4). The parser lets no other package or stage
 * through. Accounts are not checked here; a handle that is not even an e-mail address is
 * refused with {@code 911} ([POLICY] §5.2, docs/adr/0200).
 */
public final class UsrHandler implements CommandHandler<DispatchSession, Usr> {

	private final NotificationNodeSelector nodes;

	private final Supplier<AdvertisedAddress> currentServer;

	/**
	 * @param currentServer this dispatch server's address, named by MSNP7 referrals
	 */
	public UsrHandler(NotificationNodeSelector nodes, Supplier<AdvertisedAddress> currentServer) {
		this.nodes = nodes;
		this.currentServer = currentServer;
	}

	@Override
	public Class<Usr> commandType() {
		return Usr.class;
	}

	@Override
	public void handle(DispatchSession session, Usr usr) {
		if (!Handles.isValid(usr.value())) {
			session.close(CloseReason.of(CloseReason.Kind.REFUSED, "handle is not an e-mail address"),
					Replies.error(ErrorCode.AUTHENTICATION_FAILED, usr.trId()));
			return;
		}
		AdvertisedAddress node;
		try {
			node = this.nodes.select(Handles.normalize(usr.value()));
		}
		catch (NoNotificationNodeException ex) {
			session.close(CloseReason.of(CloseReason.Kind.REFUSED, ex.getMessage()),
					Replies.error(ErrorCode.SERVER_UNAVAILABLE, usr.trId()));
			return;
		}
		session.close(CloseReason.of(CloseReason.Kind.COMPLETED, "referred to " + node),
				Replies.xfrNs(usr.trId(), session.dialect(), node.toString(), this.currentServer.get().toString()));
	}

}
