package org.butterfly.directory.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.ContactEntity;
import org.butterfly.directory.internal.ContactRepository;
import org.butterfly.directory.internal.EntryRow;
import org.butterfly.directory.internal.OwnLists;
import org.butterfly.directory.internal.Transactions;
import org.butterfly.directory.internal.WatcherRow;

/**
 * The privacy queries the servers need for presence, switchboard invitations and the
 * {@code ILN} burst. Each answer is read in one consistent snapshot and decided by
 * {@link Privacy#allowedBy}; live presence is the caller's.
 */
public class VisibilityService {

	private final AccountRepository accounts;

	private final ContactRepository contacts;

	private final Transactions transactions;

	public VisibilityService(AccountRepository accounts, ContactRepository contacts, Transactions transactions) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.transactions = transactions;
	}

	/**
	 * The owner's watchers: the accounts with the owner on their FL (the owner's RL), in
	 * RL order, each with {@code allowedBy(owner, watcher)}.
	 * @param owner the owner
	 * @return the watchers
	 * @throws AccountNotFoundException if the owner does not exist
	 */
	public List<Watcher> watchersOf(String owner) {
		String email = owner.toLowerCase(Locale.ROOT);
		return this.transactions.read(() -> {
			// one query for a status change, the hottest read after sign-in; the look-up
			// below only tells an unknown owner from one nobody watches
			List<WatcherRow> rows = this.contacts.findWatchers(email, ListType.RL, ListType.AL, ListType.BL);
			if (rows.isEmpty() && this.accounts.findIdByEmail(email).isEmpty()) {
				throw new AccountNotFoundException(email);
			}
			return rows.stream()
				.map((row) -> new Watcher(row.handle(),
						Privacy.allowedBy(row.ownerBlp(),
								new Standing(row.allowListEntry() != null, row.blockListEntry() != null))))
				.toList();
		});
	}

	/**
	 * The watcher's FL, in FL order, each contact with its friendly name and
	 * {@code allowedBy(contact, watcher)}.
	 * @param watcher the watcher
	 * @return the contacts
	 * @throws AccountNotFoundException if the watcher does not exist
	 */
	public List<ForwardContact> contactsOf(String watcher) {
		return this.transactions.read(() -> contactsOf(load(watcher).getId()));
	}

	/**
	 * {@link #contactsOf(String)} for a signed-in session, whose account id is known: one
	 * query fewer. An account that no longer exists has no contacts.
	 * @param watcherId the watcher's account id
	 * @return the contacts, in FL order
	 */
	public List<ForwardContact> contactsOf(long watcherId) {
		return this.transactions.read(() -> {
			Map<Long, Standing> standings = this.contacts.findStandingsOnForwardContacts(watcherId);
			List<EntryRow> forward = OwnLists.of(this.contacts.findEntries(watcherId)).entries(ListType.FL);
			return forward.stream()
				.map((row) -> new ForwardContact(row.handle(), row.friendlyName(),
						Privacy.allowedBy(row.blp(), standings.getOrDefault(row.contactId(), Standing.NONE))))
				.toList();
		});
	}

	/**
	 * {@code allowedBy(owner, watcher)} for one pair, e.g. for {@code CAL} (msnp.md
	 * 14.2).
	 * @param owner the account that allows or not
	 * @param watcher the account that wants to see or reach the owner
	 * @return whether the owner allows the watcher; {@code false} if either account does
	 * not exist
	 */
	public boolean allowedBy(String owner, String watcher) {
		return this.transactions.read(() -> {
			Optional<AccountEntity> account = this.accounts.findByEmail(owner.toLowerCase(Locale.ROOT));
			Optional<Long> watcherId = this.accounts.findIdByEmail(watcher.toLowerCase(Locale.ROOT));
			if (account.isEmpty() || watcherId.isEmpty()) {
				return false;
			}
			List<ContactEntity> entries = this.contacts.findByOwnerIdAndContactId(account.get().getId(),
					watcherId.get());
			Standing standing = new Standing(entries.stream().anyMatch((entry) -> entry.getList() == ListType.AL),
					entries.stream().anyMatch((entry) -> entry.getList() == ListType.BL));
			return Privacy.allowedBy(account.get().getBlp(), standing);
		});
	}

	private AccountEntity load(String handle) {
		String email = handle.toLowerCase(Locale.ROOT);
		return this.accounts.findByEmail(email).orElseThrow(() -> new AccountNotFoundException(email));
	}

}
