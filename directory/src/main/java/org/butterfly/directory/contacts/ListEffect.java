package org.butterfly.directory.contacts;

import java.util.Set;

import org.butterfly.directory.privacy.PhoneView;

/**
 * What a committed change means for an account other than the one that made it: the
 * notification server turns each effect into wire lines for that account's sessions (if
 * any), the admin API into JSON. Presence is live state the server owns, so presence
 * effects are hints to re-evaluate, not messages.
 * <p>
 * Every effect that carries a version is the account's new list version; each account's
 * version moves at most once per command, so several effects for one account carry the
 * same version.
 */
public sealed interface ListEffect
		permits ListEffect.EntryAdded, ListEffect.EntryRemoved, ListEffect.PhonesChanged, ListEffect.PresenceCheck {

	/**
	 * The account the effect is for.
	 * @return its handle
	 */
	String account();

	/**
	 * An entry appeared on a list of {@code account} without a command of its own:
	 * {@code ADD 0 list version handle
	 * name} (msnp.md 9.1, 9.5). In MSNP2-7 this is the RL entry of someone who added
	 * {@code account} to their FL.
	 *
	 * @param account who is told
	 * @param list the list that gained the entry
	 * @param version {@code account}'s new list version
	 * @param handle the new entry
	 * @param name the stored name (on RL: the adder's friendly name)
	 */
	record EntryAdded(String account, ListType list, long version, String handle, String name) implements ListEffect {
	}

	/**
	 * An entry left a list of {@code account} without a command of its own:
	 * {@code REM 0 list version handle} (msnp.md 9.2, 9.5). On RL when someone removed
	 * {@code account} from their FL; on any list when the listed account was deleted.
	 *
	 * @param account who is told
	 * @param list the list that lost the entry
	 * @param version {@code account}'s new list version
	 * @param handle the removed entry
	 */
	record EntryRemoved(String account, ListType list, long version, String handle) implements ListEffect {
	}

	/**
	 * What {@code account} may see of {@code owner}'s phone properties changed:
	 * {@code BPR version owner key value} (msnp.md 11.1, 11.2). Only produced when the
	 * view really changed, and only for accounts that have the owner on their FL.
	 *
	 * @param account the watcher who is told
	 * @param version the watcher's new list version
	 * @param owner whose properties they are
	 * @param view the four values as the watcher may now see them
	 * @param changed the keys whose visible value changed: a PRP sends these, an AL/BL
	 * change all four
	 */
	record PhonesChanged(String account, long version, String owner, PhoneView view,
			Set<PhoneKey> changed) implements ListEffect {
	}

	/**
	 * Re-evaluate {@code visible(owner -> account)} (msnp.md 8.4):
	 * {@code allowedBy(owner, account)} changed, or the owner's friendly name did. Only
	 * produced for accounts that have the owner on their FL. No version.
	 *
	 * @param account the watcher
	 * @param owner the account the watcher may or may not see
	 * @param allowed {@code allowedBy(owner, account)} after the change
	 */
	record PresenceCheck(String account, String owner, boolean allowed) implements ListEffect {
	}

}
