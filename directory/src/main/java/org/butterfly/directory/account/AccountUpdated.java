package org.butterfly.directory.account;

import java.util.List;

import org.butterfly.directory.contacts.ListEffect;

/**
 * The outcome of an admin update.
 *
 * @param account the account after the update
 * @param versionChanged whether the list version moved (friendly name, BLP or GTC
 * changed): the account's own sessions should hear of it
 * @param effects what other accounts must be told (presence re-evaluation after a name or
 * BLP change)
 */
public record AccountUpdated(Account account, boolean versionChanged, List<ListEffect> effects) {

	public AccountUpdated {
		effects = List.copyOf(effects);
	}

}
