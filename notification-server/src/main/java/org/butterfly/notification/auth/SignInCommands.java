package org.butterfly.notification.auth;

import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountService;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.presence.PresenceService;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.NsState;
import org.butterfly.notification.session.Principal;
import org.butterfly.notification.session.SessionRegistry;
import org.butterfly.protocol.command.ClientCommands.Usr;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.reply.HotmailMessages;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.Handles;
import org.butterfly.protocol.wire.Frame;

/**
 * The MD5 sign-in (msnp.md §5): {@code USR MD5 I} answers a fresh salt, known account or
 * not, and {@code USR MD5 S} checks the response with the directory. Failures are counted
 * by the {@link SignInThrottle}, which refuses locked-out attempts. Success sends
 * {@code USR OK}, the profile and (if e-mail is enabled) the mailbox status, then claims
 * the account: an older session gets {@code OUT OTH} and its watchers {@code FLN} (§5.4).
 */
public final class SignInCommands implements NotificationCommands {

	private final AccountService accounts;

	private final SessionRegistry sessions;

	private final PresenceService presence;

	private final Refusals refusals;

	private final Salts salts;

	private final Mailbox mailbox;

	private final Clock clock;

	private final Consumer<Channel> signedIn;

	private final SignInThrottle throttle;

	/**
	 * @param signedIn told about each connection that signed in, on its executor (e.g. to
	 * switch to the keep-alive idle timeout)
	 * @param throttle counts failures and refuses locked-out attempts unchecked
	 */
	public SignInCommands(AccountService accounts, SessionRegistry sessions, PresenceService presence,
			Refusals refusals, Salts salts, Mailbox mailbox, Clock clock, Consumer<Channel> signedIn,
			SignInThrottle throttle) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.presence = presence;
		this.refusals = refusals;
		this.salts = salts;
		this.mailbox = mailbox;
		this.clock = clock;
		this.signedIn = signedIn;
		this.throttle = throttle;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Usr.class, this::usr));
	}

	void usr(NotificationSession session, Usr command) {
		if (session.isAuthenticated()) {
			session.send(Replies.error(ErrorCode.ALREADY_LOGGED_IN, command.trId()));
		}
		else if (command.initial()) {
			initial(session, command);
		}
		else if (session.state() == NsState.CHALLENGED) {
			subsequent(session, command);
		}
		else {
			this.refusals.close(session, "USR MD5 S without USR MD5 I");
		}
	}

	private void initial(NotificationSession session, Usr command) {
		if (!Handles.isValid(command.value())) {
			this.refusals.refuseAndClose(session, ErrorCode.AUTHENTICATION_FAILED, command.trId(),
					CloseReason.Kind.REFUSED);
			return;
		}
		// Unknown accounts get a salt too and fail at S, so I reveals nothing (§5.2).
		String salt = this.salts.salt();
		session.challenged(Handles.normalize(command.value()), salt);
		session.send(Replies.usrChallenge(command.trId(), salt));
	}

	private void subsequent(NotificationSession session, Usr command) {
		String handle = session.pendingHandle();
		SocketAddress from = session.channel().remoteAddress();
		if (!this.throttle.allows(handle, from)) {
			// The same answer as a wrong password: a locked-out guesser learns nothing.
			this.refusals.refuseAndClose(session, ErrorCode.AUTHENTICATION_FAILED, command.trId(),
					CloseReason.Kind.RATE_LIMITED);
			return;
		}
		Optional<Account> account = this.accounts.signInMd5(handle, session.pendingSalt(), command.value());
		if (account.isEmpty()) {
			this.throttle.failed(handle, from);
			this.refusals.refuseAndClose(session, ErrorCode.AUTHENTICATION_FAILED, command.trId(),
					CloseReason.Kind.REFUSED);
			return;
		}
		this.throttle.succeeded(handle, from);
		Account signedIn = account.get();
		session.authenticated(
				new Principal(signedIn.email(), signedIn.id(), signedIn.puid().high(), signedIn.puid().low()),
				signedIn.friendlyName());
		session.send(welcome(session.dialect(), command.trId(), signedIn));
		this.signedIn.accept(session.channel());
		if (this.sessions.claim(session)) {
			this.presence.publishOffline(signedIn.email());
		}
	}

	private List<Frame> welcome(Dialect dialect, String trId, Account account) {
		List<Frame> lines = new ArrayList<>(3);
		lines.add(Replies.usrOk(trId, dialect, account.email(), account.friendlyName(), account.profile().verified()));
		boolean email = account.profile().emailEnabled();
		HotmailMessages.Profile profile = new HotmailMessages.Profile(this.clock.instant().getEpochSecond(), email,
				account.puid().high(), account.puid().low(), account.profile().lcid(), account.email(),
				orEmpty(account.profile().countryCode()), orEmpty(account.profile().postalCode()),
				orEmpty(account.profile().gender()), this.salts.ticket());
		lines.add(Replies.hotmailMessage(HotmailMessages.profile(dialect, profile)));
		if (email) {
			lines.add(Replies.hotmailMessage(HotmailMessages.initialEmail(dialect, 0, 0, this.mailbox.inboxUrl(),
					this.mailbox.foldersUrl(), this.mailbox.postUrl())));
		}
		return lines;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
