package org.butterfly.notification.services;

import java.util.List;

import org.butterfly.directory.account.AccountService;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Url;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;

/**
 * {@code URL} (msnp.md §11.7): the generic pages of the web services Butterfly stands in
 * for (docs/adr/0302). The other services have classes of their own:
 * {@code SND}/{@code SDC} (invitations), {@code FND} (member search), {@code PAG}
 * (paging), {@code CHL}/{@code QRY} (challenges) and {@code XFR} (switchboard referrals).
 */
public final class ServiceCommands implements NotificationCommands {

	private final AccountService accounts;

	private final ServiceUrls urls;

	public ServiceCommands(AccountService accounts, ServiceUrls urls) {
		this.accounts = accounts;
		this.urls = urls;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Url.class, this::url));
	}

	void url(NotificationSession session, Url command) {
		int lcid = this.accounts.find(session.handle()).map((account) -> account.profile().lcid()).orElse(1033);
		session.send(Replies.url(command.trId(), session.dialect(),
				this.urls.redirect(command.service(), command.parameter()), this.urls.login(lcid),
				this.urls.siteId(command.service())));
	}

}
