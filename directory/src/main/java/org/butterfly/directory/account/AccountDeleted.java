package org.butterfly.directory.account;

import java.util.List;

import org.butterfly.directory.contacts.ListEffect;

/**
 * The outcome of deleting an account.
 *
 * @param email the deleted account
 * @param effects a {@link ListEffect.EntryRemoved} for every list entry other accounts
 * lost (their FL, AL, BL and RL), each account's version moved once
 */
public record AccountDeleted(String email, List<ListEffect> effects) {

	public AccountDeleted {
		effects = List.copyOf(effects);
	}

}
