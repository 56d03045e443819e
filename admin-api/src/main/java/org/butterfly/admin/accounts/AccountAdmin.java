package org.butterfly.admin.accounts;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.admin.sessions.LiveSessions;
import org.butterfly.admin.web.InvalidFieldException;
import org.butterfly.admin.web.WireNames;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.WireText;
import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountDeleted;
import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.account.AccountPage;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.AccountUpdate;
import org.butterfly.directory.account.AccountUpdated;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;

/**
 * Account changes from the API: checked against the protocol's limits, committed by the
 * directory, then published to the live sessions they concern.
 */
public class AccountAdmin {

	/** bcrypt reads 72 bytes; the directory refuses longer passwords. */
	private static final int MAX_PASSWORD_BYTES = 72;

	/** Who changed what, for operators; never passwords, tokens or documents. */
	private static final Logger audit = LoggerFactory.getLogger("butterfly.admin.audit");

	private final AccountService accounts;

	private final LiveSessions sessions;

	public AccountAdmin(AccountService accounts, LiveSessions sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	public Account create(AccountRequests.Create request) {
		String email = WireNames.handle("email", request.email());
		requirePassword(request.password());
		String friendlyName = (request.friendlyName() != null)
				? WireNames.toWire("friendlyName", request.friendlyName()) : null;
		Profile profile = (request.profile() != null) ? request.profile().over(Profile.DEFAULT) : null;
		Account account = this.accounts.create(new NewAccount(email, request.password(), friendlyName, profile));
		audit.info("Account {} created", account.email());
		return account;
	}

	public Account find(String email) {
		return this.accounts.find(email).orElseThrow(() -> new AccountNotFoundException(email));
	}

	public AccountPage search(String fragment, int page, int size) {
		return this.accounts.search(fragment, page, size);
	}

	/**
	 * Changes the account; a new name or BLP is re-evaluated by the watchers' nodes.
	 * (MSNP2-7 have no asynchronous command that tells the owner's own client of its new
	 * name or settings; it sees them at its next SYN.)
	 */
	public Account update(String email, AccountRequests.Update request) {
		AccountUpdate update = AccountUpdate.NONE;
		if (request.friendlyName() != null) {
			update = update.withFriendlyName(WireNames.toWire("friendlyName", request.friendlyName()));
		}
		if (request.password() != null) {
			requirePassword(request.password());
			update = update.withPassword(request.password());
		}
		if (request.profile() != null) {
			update = update.withProfile(request.profile().over(find(email).profile()));
		}
		if (request.blp() != null) {
			update = update.withBlp(request.blp());
		}
		if (request.gtc() != null) {
			update = update.withGtc(request.gtc());
		}
		AccountUpdated updated = this.accounts.update(email, update);
		Account account = updated.account();
		audit.info("Account {} changed (list version moved: {})", account.email(), updated.versionChanged());
		this.sessions.publish(updated.effects(), List.of(), Map.of(account.email(), account.friendlyName()));
		return account;
	}

	/**
	 * Deletes the account: its session is signed out with {@code OUT}, and every account
	 * that listed it gets {@code REM 0} with its new version (a watcher's client drops
	 * the contact, and its node forgets showing it, on {@code REM 0 FL}).
	 */
	public void delete(String email) {
		AccountDeleted deleted = this.accounts.delete(email);
		audit.info("Account {} deleted; {} list entries of other accounts removed", deleted.email(),
				deleted.effects().size());
		this.sessions.publish(deleted.effects(), List.of(new ClusterEvent.Kick(deleted.email())));
	}

	private static void requirePassword(String password) {
		if (password.isEmpty()) {
			throw new InvalidFieldException("password", "must not be empty");
		}
		if (WireText.byteLength(password) > MAX_PASSWORD_BYTES) {
			throw new InvalidFieldException("password", "is longer than " + MAX_PASSWORD_BYTES + " bytes");
		}
	}

}
