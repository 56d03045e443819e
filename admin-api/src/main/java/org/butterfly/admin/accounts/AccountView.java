package org.butterfly.admin.accounts;

import java.time.Instant;
import java.util.List;

import org.butterfly.admin.web.WireNames;
import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountPage;
import org.butterfly.directory.contacts.Gtc;
import org.butterfly.directory.privacy.Blp;

/**
 * An account as the API shows it (never the password).
 *
 * @param email the handle
 * @param friendlyName the friendly name, decoded
 * @param listVersion the list version ({@code SYN}'s serial number)
 * @param blp the privacy mode
 * @param gtc the reverse-list prompting mode
 * @param profile the member-directory fields
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record AccountView(String email, String friendlyName, long listVersion, Blp blp, Gtc gtc, ProfileBody profile,
		Instant createdAt, Instant updatedAt) {

	static AccountView of(Account account) {
		return new AccountView(account.email(), WireNames.fromWire(account.friendlyName()), account.listVersion(),
				account.blp(), account.gtc(), ProfileBody.of(account.profile()), account.createdAt(),
				account.updatedAt());
	}

	/**
	 * One page of accounts.
	 *
	 * @param accounts the accounts, ordered by e-mail
	 * @param page the page, from 0
	 * @param size the page size
	 * @param total how many accounts match
	 */
	public record Page(List<AccountView> accounts, int page, int size, long total) {

		static Page of(AccountPage page) {
			return new Page(page.accounts().stream().map(AccountView::of).toList(), page.page(), page.size(),
					page.total());
		}

	}

}
