package org.butterfly.admin.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.admin.sessions.LiveSessions;
import org.butterfly.admin.web.WireNames;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.WireText;
import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.contacts.ContactAdded;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.contacts.ListUpdate;
import org.butterfly.directory.contacts.PhoneKey;
import org.butterfly.directory.privacy.PhoneView;

/**
 * Contact-list changes from the API, with the rules and side effects of the protocol's
 * {@code ADD} and {@code REM} (msnp.md §9.1, §9.2): the directory validates and commits
 * them, then the other accounts concerned are told as if a client had made the change,
 * and the owner's own session hears of it as {@code ADD 0}/{@code REM 0} (msnp.md §9.5).
 */
public class ListAdmin {

	private static final List<PhoneKey> BPR_KEYS = List.of(PhoneKey.PHH, PhoneKey.PHW, PhoneKey.PHM, PhoneKey.MOB);

	/** Who changed what, for operators; never passwords, tokens or documents. */
	private static final Logger audit = LoggerFactory.getLogger("butterfly.admin.audit");

	private final AccountService accounts;

	private final ListService lists;

	private final LiveSessions sessions;

	public ListAdmin(AccountService accounts, ListService lists, LiveSessions sessions) {
		this.accounts = accounts;
		this.lists = lists;
		this.sessions = sessions;
	}

	public ListsView view(String email) {
		String owner = existing(email).email();
		return ListsView.of(this.lists.snapshot(owner));
	}

	public ListChange add(String email, String listToken, String contact, String friendlyName) {
		ListType list = ListType.fromToken(listToken);
		String owner = existing(email).email();
		String name = (friendlyName != null) ? WireNames.toWire("friendlyName", friendlyName)
				: defaultName(list, contact);
		ContactAdded added = this.lists.add(owner, list, contact, name);
		String handle = contact.toLowerCase(Locale.ROOT);
		audit.info("{} added to the {} of {} (version {})", handle, list, owner, added.version());
		List<ClusterEvent.ForAccount> own = new ArrayList<>();
		own.add(new ClusterEvent.EntryAdded(owner, list.name(), added.version(), handle, name));
		added.newContact().ifPresent((seen) -> {
			// As after a client's ADD FL: the contact's phones, then its presence.
			own.add(new ClusterEvent.PhonesChanged(owner, added.version(), handle, phones(seen.phones())));
			own.add(this.sessions.presenceFor(owner, handle, seen.allowsYou()));
		});
		this.sessions.publish(added.effects(), own);
		return new ListChange(list.name(), handle, WireNames.fromWire(name), added.version());
	}

	public ListChange remove(String email, String listToken, String contact) {
		ListType list = ListType.fromToken(listToken);
		String owner = existing(email).email();
		ListUpdate removed = this.lists.remove(owner, list, contact);
		String handle = contact.toLowerCase(Locale.ROOT);
		audit.info("{} removed from the {} of {} (version {})", handle, list, owner, removed.version());
		this.sessions.publish(removed.effects(),
				List.of(new ClusterEvent.EntryRemoved(owner, list.name(), removed.version(), handle)));
		return new ListChange(list.name(), handle, null, removed.version());
	}

	private Account existing(String email) {
		return this.accounts.find(email).orElseThrow(() -> new AccountNotFoundException(email));
	}

	/**
	 * What the official client stores: the handle for a new FL contact, the contact's
	 * friendly name when allowing or blocking (msnp.md §9.1).
	 */
	private String defaultName(ListType list, String contact) {
		String handle = WireText.normalizeHandle(contact);
		if (handle == null) {
			// The directory refuses it with 201.
			return contact;
		}
		if (list == ListType.FL) {
			return handle;
		}
		return this.accounts.find(handle).map(Account::friendlyName).orElse(handle);
	}

	private static Map<String, String> phones(PhoneView view) {
		Map<String, String> phones = new LinkedHashMap<>();
		BPR_KEYS.forEach((key) -> phones.put(key.name(), view.value(key)));
		return phones;
	}

}
