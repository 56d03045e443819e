package org.butterfly.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.contacts.PhoneKey;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.privacy.PhoneView;
import org.butterfly.directory.privacy.Privacy;
import org.butterfly.directory.privacy.Standing;

/**
 * One command's writes inside its transaction: the accounts it locked, the versions it
 * moved (each at most once) and the effects it produced, in order.
 */
public final class ChangeSet {

	private final AccountRepository accounts;

	private final Instant now;

	private final Map<Long, AccountEntity> locked = new HashMap<>();

	private final Set<Long> bumped = new HashSet<>();

	private final List<ListEffect> effects = new ArrayList<>();

	public ChangeSet(AccountRepository accounts, Instant now) {
		this.accounts = accounts;
		this.now = now;
	}

	public Instant now() {
		return this.now;
	}

	/**
	 * Locks the accounts not locked yet, in id order. Accounts that no longer exist are
	 * skipped.
	 * @param ids the accounts to lock
	 */
	public void lock(Collection<Long> ids) {
		Set<Long> missing = new TreeSet<>(ids);
		missing.removeAll(this.locked.keySet());
		if (!missing.isEmpty()) {
			for (AccountEntity account : this.accounts.lockAll(missing)) {
				this.locked.put(account.getId(), account);
			}
		}
	}

	/**
	 * Locks one or two accounts by handle, in id order, with one query for the look-up
	 * and the lock. Must come before any other lock of the command.
	 * @param one a lower-case handle
	 * @param other another one, or the same
	 * @return the locked accounts by handle; handles of accounts that do not exist are
	 * missing
	 */
	public Map<String, AccountEntity> lockHandles(String one, String other) {
		Map<String, AccountEntity> byHandle = new HashMap<>();
		for (AccountEntity account : this.accounts.lockByEmail(one, other)) {
			this.locked.put(account.getId(), account);
			byHandle.put(account.getEmail(), account);
		}
		return byHandle;
	}

	/**
	 * A locked account, locking it now if needed (out of order: a deadlock this may cause
	 * is retried).
	 * @param id the account
	 * @return the account, or {@code null} if it does not exist
	 */
	public AccountEntity locked(long id) {
		lock(List.of(id));
		return this.locked.get(id);
	}

	/**
	 * Moves the account's list version, once per command.
	 * @param account a locked account
	 * @return its new version
	 */
	public long bump(AccountEntity account) {
		if (this.bumped.add(account.getId())) {
			return account.bumpListVersion(this.now);
		}
		return account.getListVersion();
	}

	public void effect(ListEffect effect) {
		this.effects.add(effect);
	}

	public List<ListEffect> effects() {
		return List.copyOf(this.effects);
	}

	/**
	 * After the owner changed how it lists one watcher (AL/BL): tells the watcher, if it
	 * has the owner on its FL, what it may now see of the owner's phones and whether the
	 * owner still allows it.
	 * @param owner the locked owner
	 * @param watcher the locked watcher
	 * @param watching whether the watcher has the owner on its FL
	 * @param before where the watcher stood on the owner's lists
	 * @param after where it stands now
	 */
	public void standingChanged(AccountEntity owner, AccountEntity watcher, boolean watching, Standing before,
			Standing after) {
		if (!watching) {
			return;
		}
		PhoneView was = Privacy.phonesSeenBy(owner.phoneBook(), before);
		PhoneView now = Privacy.phonesSeenBy(owner.phoneBook(), after);
		Set<PhoneKey> changed = now.changedSince(was);
		if (!changed.isEmpty()) {
			effect(new ListEffect.PhonesChanged(watcher.getEmail(), bump(watcher), owner.getEmail(), now, changed));
		}
		boolean allowed = Privacy.allowedBy(owner.getBlp(), after);
		if (Privacy.allowedBy(owner.getBlp(), before) != allowed) {
			effect(new ListEffect.PresenceCheck(watcher.getEmail(), owner.getEmail(), allowed));
		}
	}

	/**
	 * After the owner's phone properties changed: moves the version of, and tells, every
	 * watcher whose view changed.
	 * @param owner the locked owner, already changed
	 * @param ownerLists the owner's lists
	 * @param before the owner's properties before the change
	 */
	public void phonesChanged(AccountEntity owner, OwnLists ownerLists, PhoneBook before) {
		for (EntryRow watcher : ownerLists.entries(ListType.RL)) {
			Standing standing = ownerLists.standingOf(watcher.contactId());
			PhoneView was = Privacy.phonesSeenBy(before, standing);
			PhoneView now = Privacy.phonesSeenBy(owner.phoneBook(), standing);
			Set<PhoneKey> changed = now.changedSince(was);
			if (!changed.isEmpty()) {
				AccountEntity account = locked(watcher.contactId());
				effect(new ListEffect.PhonesChanged(watcher.handle(), bump(account), owner.getEmail(), now, changed));
			}
		}
	}

	/**
	 * After the owner's BLP changed: asks to re-evaluate every watcher whose
	 * {@code allowedBy} flipped.
	 * @param owner the owner, already changed
	 * @param ownerLists the owner's lists
	 * @param before the previous mode
	 */
	public void modeChanged(AccountEntity owner, OwnLists ownerLists, Blp before) {
		for (EntryRow watcher : ownerLists.entries(ListType.RL)) {
			Standing standing = ownerLists.standingOf(watcher.contactId());
			boolean allowed = Privacy.allowedBy(owner.getBlp(), standing);
			if (Privacy.allowedBy(before, standing) != allowed) {
				effect(new ListEffect.PresenceCheck(watcher.handle(), owner.getEmail(), allowed));
			}
		}
	}

	/**
	 * After the owner's friendly name changed: asks to re-evaluate every watcher (an
	 * allowed one gets a new NLN).
	 * @param owner the owner, already changed
	 * @param ownerLists the owner's lists
	 */
	public void nameChanged(AccountEntity owner, OwnLists ownerLists) {
		for (EntryRow watcher : ownerLists.entries(ListType.RL)) {
			boolean allowed = Privacy.allowedBy(owner.getBlp(), ownerLists.standingOf(watcher.contactId()));
			effect(new ListEffect.PresenceCheck(watcher.handle(), owner.getEmail(), allowed));
		}
	}

}
