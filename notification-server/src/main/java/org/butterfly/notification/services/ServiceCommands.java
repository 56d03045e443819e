package org.butterfly.notification.services;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.butterfly.directory.account.AccountService;
import org.butterfly.notification.auth.Salts;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.Presence;
import org.butterfly.protocol.command.ClientCommands.Chl;
import org.butterfly.protocol.command.ClientCommands.Fnd;
import org.butterfly.protocol.command.ClientCommands.Pag;
import org.butterfly.protocol.command.ClientCommands.Qry;
import org.butterfly.protocol.command.ClientCommands.Url;
import org.butterfly.protocol.command.ClientCommands.Xfr;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.Challenges;
import org.butterfly.protocol.vocab.ErrorCode;

/**
 * The service commands: {@code URL} (generic pages), the client challenge
 * {@code CHL}/{@code QRY}, and the minimal, spec-conformant answers of the services
 * Butterfly does not offer yet (msnp.md §11.5-§11.8, §12.1, §13.3): pages fail with
 * {@code 800}, the member search finds nobody, and {@code XFR SB} answers {@code 913} to
 * a user who may not chat, {@code 280} otherwise until the switchboard exists
 * (docs/adr/0303).
 */
public final class ServiceCommands implements NotificationCommands {

	private final AccountService accounts;

	private final ServiceUrls urls;

	private final Salts salts;

	private final Refusals refusals;

	public ServiceCommands(AccountService accounts, ServiceUrls urls, Salts salts, Refusals refusals) {
		this.accounts = accounts;
		this.urls = urls;
		this.salts = salts;
		this.refusals = refusals;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Url.class, this::url),
				NotificationCommands.handler(Pag.class, this::pag), NotificationCommands.handler(Fnd.class, this::fnd),
				NotificationCommands.handler(Chl.class, this::chl), NotificationCommands.handler(Qry.class, this::qry),
				NotificationCommands.handler(Xfr.class, this::xfr));
	}

	void url(NotificationSession session, Url command) {
		int lcid = this.accounts.find(session.handle()).map((account) -> account.profile().lcid()).orElse(1033);
		session.send(Replies.url(command.trId(), session.dialect(),
				this.urls.redirect(command.service(), command.parameter()), this.urls.login(lcid),
				this.urls.siteId(command.service())));
	}

	void pag(NotificationSession session, Pag command) {
		// No SMS gateway: every page fails ([POLICY] §11.5).
		session.send(Replies.error(ErrorCode.RATE_LIMITED, command.trId()));
	}

	void fnd(NotificationSession session, Fnd command) {
		// The member directory is closed, as the service did in 2003 ([POLICY] §11.8).
		session.send(Replies.fnd(command.trId(), 0, 0, List.of()));
	}

	void chl(NotificationSession session, Chl command) {
		String challenge = this.salts.challenge();
		session.pendingChallenge(challenge);
		session.send(Replies.chl(command.trId(), challenge));
	}

	void qry(NotificationSession session, Qry command) {
		String challenge = session.pendingChallenge();
		if (challenge == null) {
			this.refusals.close(session, "QRY without a challenge");
			return;
		}
		session.pendingChallenge(null);
		String response = new String(command.response(), StandardCharsets.US_ASCII);
		if (Challenges.verify(command.productId(), challenge, response)) {
			session.send(Replies.qry(command.trId()));
		}
		else {
			this.refusals.refuseAndClose(session, ErrorCode.CHALLENGE_FAILED, command.trId(), CloseReason.Kind.REFUSED);
		}
	}

	void xfr(NotificationSession session, Xfr command) {
		Presence presence = session.presence();
		boolean mayChat = presence.visible() && presence.reachable();
		session.send(Replies.error(mayChat ? ErrorCode.SWITCHBOARD_FAILED : ErrorCode.NOT_ALLOWED_WHEN_OFFLINE,
				command.trId()));
	}

}
