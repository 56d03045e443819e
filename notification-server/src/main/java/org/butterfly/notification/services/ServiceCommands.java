package org.butterfly.notification.services;

import java.util.List;

import org.butterfly.directory.account.AccountService;
import org.butterfly.notification.auth.Salts;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Sdc;
import org.butterfly.protocol.command.ClientCommands.Snd;
import org.butterfly.protocol.command.ClientCommands.Url;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service commands: {@code URL} (generic pages), and the minimal, spec-conformant
 * answers of the services Butterfly does not offer yet (msnp.md §11.3, §11.4):
 * invitations are logged and confirmed (docs/adr/0303). {@code FND}, {@code PAG},
 * {@code CHL}/{@code QRY} and {@code XFR} have their own classes.
 */
public final class ServiceCommands implements NotificationCommands {

	private static final Logger logger = LoggerFactory.getLogger(ServiceCommands.class);

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
				NotificationCommands.handler(Snd.class, this::snd), NotificationCommands.handler(Sdc.class, this::sdc));
	}

	void url(NotificationSession session, Url command) {
		int lcid = this.accounts.find(session.handle()).map((account) -> account.profile().lcid()).orElse(1033);
		session.send(Replies.url(command.trId(), session.dialect(),
				this.urls.redirect(command.service(), command.parameter()), this.urls.login(lcid),
				this.urls.siteId(command.service())));
	}

	void snd(NotificationSession session, Snd command) {
		// No mail is sent: the invitation is recorded in the log ([POLICY] §11.3, §11.4).
		logger.info("{} asked to invite {} by e-mail (SND)", session.handle(), command.address());
		session.send(Replies.ok("SND", command.trId()));
	}

	void sdc(NotificationSession session, Sdc command) {
		logger.info("{} asked to invite {} by e-mail (SDC, {} bytes of text)", session.handle(), command.target(),
				command.message().length);
		session.send(Replies.ok("SDC", command.trId()));
	}

}
