package org.butterfly.directory.account;

import java.util.List;

/**
 * One page of an account search.
 *
 * @param accounts the accounts on this page, ordered by e-mail
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many accounts match in all
 */
public record AccountPage(List<Account> accounts, int page, int size, long total) {

	public AccountPage {
		accounts = List.copyOf(accounts);
	}

}
