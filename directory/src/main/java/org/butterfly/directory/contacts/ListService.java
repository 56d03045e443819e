package org.butterfly.directory.contacts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.butterfly.directory.WireText;
import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.ChangeSet;
import org.butterfly.directory.internal.ContactEntity;
import org.butterfly.directory.internal.ContactRepository;
import org.butterfly.directory.internal.EntryRow;
import org.butterfly.directory.internal.GroupEntity;
import org.butterfly.directory.internal.GroupRepository;
import org.butterfly.directory.internal.OwnLists;
import org.butterfly.directory.internal.Transactions;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.privacy.Privacy;
import org.butterfly.directory.privacy.Standing;

/**
 * The list commands of msnp.md 9-11 ({@code ADD}, {@code REM}, {@code REA}, {@code BLP},
 * {@code GTC}, {@code PRP}, {@code ADG}, {@code REG}, {@code RMG}) and the {@code SYN}
 * snapshot, written once for the notification servers and the admin API.
 * <p>
 * Guarantees:
 * <ul>
 * <li>Each command runs in one transaction. It locks the accounts it changes in id order,
 * so concurrent commands never lose updates and do not deadlock (a rare deadlock with an
 * account locked late is retried whole).</li>
 * <li>A successful command moves the actor's list version by exactly one and every other
 * changed account's version by exactly one; versions never skip or repeat.</li>
 * <li>A refused command throws {@link ListException} and changes nothing. Validation
 * follows the spec's order; {@link ListError#closesConnection() protocol violations} are
 * detected before anything is read.</li>
 * <li>The RL mirrors the FL: both change in the same transaction.</li>
 * <li>Results carry what the server must tell whom ({@link ListEffect}), valid once the
 * method returns (the transaction has committed).</li>
 * </ul>
 * Handles are compared in lower case; names are opaque wire-form strings stored verbatim.
 */
public class ListService {

	private static final int LAST_GROUP_ID = 29;

	private final AccountRepository accounts;

	private final ContactRepository contacts;

	private final GroupRepository groups;

	private final Transactions transactions;

	private final ListRules rules;

	private final Clock clock;

	public ListService(AccountRepository accounts, ContactRepository contacts, GroupRepository groups,
			Transactions transactions, ListRules rules, Clock clock) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.groups = groups;
		this.transactions = transactions;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * {@code ADD TrID list handle name} (msnp.md 9.1); for FL the contact lands in group
	 * 0.
	 * @param actor the acting account
	 * @param list FL, AL or BL
	 * @param handle the contact
	 * @param name the custom name in wire form
	 * @return the new version, the effects and, for a new FL entry, what the actor sees
	 * of the contact
	 * @throws ListException 201, 205, 215, 219, 210 or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ContactAdded add(String actor, ListType list, String handle, String name) {
		return add(actor, list, handle, name, null);
	}

	/**
	 * {@code ADD TrID FL handle name group} (MSNP7, msnp.md 9.1, 10.6): adds to the FL if
	 * needed and to the group.
	 * @param actor the acting account
	 * @param list FL (a group on another list is a violation)
	 * @param handle the contact
	 * @param name the custom name in wire form
	 * @param groupId the group
	 * @return the new version, the effects and, for a new FL entry, what the actor sees
	 * of the contact
	 * @throws ListException 201, 205, 224, 215, 219, 210 or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ContactAdded add(String actor, ListType list, String handle, String name, int groupId) {
		return add(actor, list, handle, name, Integer.valueOf(groupId));
	}

	private ContactAdded add(String actorHandle, ListType list, String handle, String name, Integer groupId) {
		if (list == ListType.RL) {
			throw new ListException(ListError.READ_ONLY_LIST, "ADD RL");
		}
		requireName(name);
		if (groupId != null && list != ListType.FL) {
			throw new ListException(ListError.MALFORMED_ARGUMENT, "group on " + list);
		}
		String actor = actorHandle.toLowerCase(Locale.ROOT);
		String target = WireText.normalizeHandle(handle);
		if (target == null || (list == ListType.FL && target.equals(actor))) {
			throw new ListException(ListError.INVALID_PARAMETER, "ADD " + list + " " + handle);
		}
		return this.transactions.write(() -> {
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			Map<String, AccountEntity> locked = change.lockHandles(actor, target);
			AccountEntity me = actorOf(locked, actor);
			AccountEntity them = locked.get(target);
			if (them == null) {
				throw new ListException(ListError.NO_SUCH_USER, target);
			}
			int group = (groupId != null) ? groupId : 0;
			if (groupId != null && !this.groups.existsByOwnerIdAndGroupId(me.getId(), group)) {
				throw new ListException(ListError.NO_SUCH_GROUP, "group " + group);
			}
			Between between = between(me, them);
			ContactEntity existing = find(between.mine(), list);
			if (existing != null && (groupId == null || inGroup(existing, group))) {
				throw new ListException(ListError.ALREADY_THERE, list + " " + target);
			}
			if ((list == ListType.AL && find(between.mine(), ListType.BL) != null)
					|| (list == ListType.BL && find(between.mine(), ListType.AL) != null)) {
				throw new ListException(ListError.ON_OPPOSITE_LIST, list + " " + target);
			}
			if (existing == null && this.contacts.countByOwnerIdAndList(me.getId(), list) >= this.rules.limit(list)) {
				throw new ListException(ListError.LIST_FULL, list.name());
			}
			if (existing != null) {
				// MSNP7: already on the FL, only the group membership changes (no RL
				// notice, no BPR).
				existing.setGroupMask(existing.getGroupMask() | bit(group));
				return new ContactAdded(change.bump(me), List.of(), Optional.empty());
			}
			this.contacts
				.save(new ContactEntity(me.getId(), list, them.getId(), name, (list == ListType.FL) ? bit(group) : 0));
			long version = change.bump(me);
			if (list != ListType.FL) {
				Standing now = new Standing(list == ListType.AL, list == ListType.BL);
				change.standingChanged(me, them, between.watched(), between.standing(), now);
				return new ContactAdded(version, change.effects(), Optional.empty());
			}
			this.contacts.save(new ContactEntity(them.getId(), ListType.RL, me.getId(), me.getFriendlyName(), 0));
			change
				.effect(new ListEffect.EntryAdded(target, ListType.RL, change.bump(them), actor, me.getFriendlyName()));
			Standing mineThere = between.theirStanding();
			ContactAdded.NewContact seen = new ContactAdded.NewContact(
					Privacy.phonesSeenBy(them.phoneBook(), mineThere), Privacy.allowedBy(them.getBlp(), mineThere));
			return new ContactAdded(version, change.effects(), Optional.of(seen));
		});
	}

	/**
	 * {@code REM TrID list handle} (msnp.md 9.2): removes the entry; for FL also every
	 * group membership and the contact's RL entry.
	 * @param actor the acting account
	 * @param list FL, AL or BL
	 * @param handle the contact
	 * @return the new version and the effects
	 * @throws ListException 216 or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ListUpdate remove(String actor, ListType list, String handle) {
		return remove(actor, list, handle, null);
	}

	/**
	 * {@code REM TrID FL handle group} (MSNP7, msnp.md 9.2, 10.6): removes only the
	 * membership; a contact left in no group stays on the FL in group 0 (POLICY).
	 * @param actor the acting account
	 * @param list FL (a group on another list is a violation)
	 * @param handle the contact
	 * @param groupId the group
	 * @return the new version (no effects)
	 * @throws ListException 224, 216, 225 or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ListUpdate remove(String actor, ListType list, String handle, int groupId) {
		return remove(actor, list, handle, Integer.valueOf(groupId));
	}

	private ListUpdate remove(String actorHandle, ListType list, String handle, Integer groupId) {
		if (list == ListType.RL) {
			throw new ListException(ListError.READ_ONLY_LIST, "REM RL");
		}
		if (groupId != null && list != ListType.FL) {
			throw new ListException(ListError.MALFORMED_ARGUMENT, "group on " + list);
		}
		String actor = actorHandle.toLowerCase(Locale.ROOT);
		String target = WireText.normalizeHandle(handle);
		return this.transactions.write(() -> {
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			Map<String, AccountEntity> locked = change.lockHandles(actor, (target != null) ? target : actor);
			AccountEntity me = actorOf(locked, actor);
			if (groupId != null && !this.groups.existsByOwnerIdAndGroupId(me.getId(), groupId)) {
				throw new ListException(ListError.NO_SUCH_GROUP, "group " + groupId);
			}
			AccountEntity them = (target != null) ? locked.get(target) : null;
			Between between = (them != null) ? between(me, them) : Between.NONE;
			ContactEntity entry = find(between.mine(), list);
			if (entry == null) {
				throw new ListException(ListError.NOT_ON_LIST, list + " " + handle);
			}
			if (groupId != null) {
				if (!inGroup(entry, groupId)) {
					throw new ListException(ListError.NOT_IN_GROUP, target + " in group " + groupId);
				}
				int left = entry.getGroupMask() & ~bit(groupId);
				entry.setGroupMask((left != 0) ? left : bit(0));
				return new ListUpdate(change.bump(me), List.of());
			}
			this.contacts.delete(entry);
			long version = change.bump(me);
			if (list == ListType.FL) {
				ContactEntity reverse = find(between.theirs(), ListType.RL);
				if (reverse != null) {
					this.contacts.delete(reverse);
				}
				change.effect(new ListEffect.EntryRemoved(target, ListType.RL, change.bump(them), actor));
			}
			else {
				Standing before = between.standing();
				Standing now = new Standing(before.allowed() && list != ListType.AL,
						before.blocked() && list != ListType.BL);
				change.standingChanged(me, them, between.watched(), before, now);
			}
			return new ListUpdate(version, change.effects());
		});
	}

	/**
	 * {@code REA TrID handle name} (msnp.md 9.3). On one's own handle: sets the friendly
	 * name and asks to re-evaluate every watcher. On a contact: renames its stored name
	 * on FL, AL and BL, wherever it appears (RL names stay the adder's friendly name,
	 * POLICY).
	 * @param actor the acting account
	 * @param handle the actor's own handle or a contact
	 * @param name the new name in wire form
	 * @return the new version and the effects
	 * @throws ListException 209, 216 or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ListUpdate rename(String actor, String handle, String name) {
		requireName(name);
		if (this.rules.refuses(name)) {
			throw new ListException(ListError.NAME_REFUSED, "REA");
		}
		String owner = actor.toLowerCase(Locale.ROOT);
		String target = WireText.normalizeHandle(handle);
		return this.transactions.write(() -> {
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			AccountEntity me = actorOf(change.lockHandles(owner, owner), owner);
			long actorId = me.getId();
			if (owner.equals(target)) {
				boolean changed = !name.equals(me.getFriendlyName());
				me.setFriendlyName(name);
				long version = change.bump(me);
				if (changed) {
					change.nameChanged(me, OwnLists.of(this.contacts.findEntries(actorId)));
				}
				return new ListUpdate(version, change.effects());
			}
			Long targetId = (target != null) ? this.accounts.findIdByEmail(target).orElse(null) : null;
			List<ContactEntity> entries = (targetId != null)
					? this.contacts.findByOwnerIdAndContactId(actorId, targetId)
						.stream()
						.filter((entry) -> entry.getList() != ListType.RL)
						.toList()
					: List.of();
			if (entries.isEmpty()) {
				throw new ListException(ListError.NOT_ON_LIST, "REA " + handle);
			}
			entries.forEach((entry) -> entry.setName(name));
			return new ListUpdate(change.bump(me), List.of());
		});
	}

	/**
	 * {@code BLP TrID AL|BL} (msnp.md 9.4): asks to re-evaluate every watcher whose
	 * {@code allowedBy} flips.
	 * @param actor the acting account
	 * @param mode the new mode
	 * @return the new version and the effects
	 * @throws ListException 218
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ListUpdate setPrivacyMode(String actor, Blp mode) {
		return changeAccount(actor, (change, me) -> {
			if (me.getBlp() == mode) {
				throw new ListException(ListError.ALREADY_IN_MODE, "BLP " + mode);
			}
			Blp before = me.getBlp();
			me.setBlp(mode);
			change.modeChanged(me, OwnLists.of(this.contacts.findEntries(me.getId())), before);
		});
	}

	/**
	 * {@code GTC TrID A|N} (msnp.md 9.4). Stored only.
	 * @param actor the acting account
	 * @param mode the new mode
	 * @return the new version
	 * @throws ListException 218
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ListUpdate setPromptMode(String actor, Gtc mode) {
		return changeAccount(actor, (change, me) -> {
			if (me.getGtc() == mode) {
				throw new ListException(ListError.ALREADY_IN_MODE, "GTC " + mode);
			}
			me.setGtc(mode);
		});
	}

	/**
	 * {@code PRP TrID key [value]} (msnp.md 11.1). {@code MOB} stores {@code N} for
	 * anything but {@code Y}, and for {@code Y} while no mobile device is registered
	 * (POLICY). Every watcher whose view changes gets one version and one
	 * {@link ListEffect.PhonesChanged}.
	 * @param actor the acting account
	 * @param key PHH, PHW, PHM or MOB as the client sent it
	 * @param value the value in wire form, or {@code null}/empty to unset
	 * @return the new version, the stored value and the effects
	 * @throws ListException 715 or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public PropertySet setProperty(String actor, String key, String value) {
		if (key.length() > 3) {
			throw new ListException(ListError.PROPERTY_KEY_TOO_LONG, "PRP " + key);
		}
		PhoneKey property = clientProperty(key);
		String given = (value == null || value.isEmpty()) ? null : value;
		if (given != null && !WireText.isToken(given)) {
			throw new ListException(ListError.MALFORMED_ARGUMENT, "PRP " + key);
		}
		if (given != null && property.isNumber() && WireText.byteLength(given) > WireText.MAX_PHONE_BYTES) {
			throw new ListException(ListError.PHONE_VALUE_TOO_LONG, "PRP " + key);
		}
		String owner = actor.toLowerCase(Locale.ROOT);
		return this.transactions.write(() -> {
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			AccountEntity me = lockWithPhoneWatchers(change, owner);
			PhoneBook before = me.phoneBook();
			PhoneBook after = withProperty(before, property, given);
			me.setPhoneBook(after);
			long version = change.bump(me);
			change.phonesChanged(me, OwnLists.of(this.contacts.findEntries(me.getId())), before);
			String stored = switch (property) {
				case PHH -> after.home();
				case PHW -> after.work();
				case PHM -> after.mobile();
				default -> after.mobilePaging() ? "Y" : "N";
			};
			return new PropertySet(version, property, Optional.ofNullable(stored), change.effects());
		});
	}

	/**
	 * Sets {@code MBE}, which clients cannot set (msnp.md 6.4): for the server or the
	 * admin API. Turning it off also turns {@code MOB} off, which watchers who see it are
	 * told about. Setting the current value changes nothing.
	 * @param account the account
	 * @param registered whether a mobile device is registered
	 * @return the version (moved by one unless nothing changed) and the effects
	 * @throws AccountNotFoundException if the account does not exist
	 */
	public ListUpdate setMobileDevice(String account, boolean registered) {
		String owner = account.toLowerCase(Locale.ROOT);
		return this.transactions.write(() -> {
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			AccountEntity me = lockWithPhoneWatchers(change, owner);
			PhoneBook before = me.phoneBook();
			if (before.mobileDevice() == registered) {
				return new ListUpdate(me.getListVersion(), List.of());
			}
			me.setPhoneBook(new PhoneBook(before.home(), before.work(), before.mobile(),
					before.mobilePaging() && registered, registered));
			long version = change.bump(me);
			change.phonesChanged(me, OwnLists.of(this.contacts.findEntries(me.getId())), before);
			return new ListUpdate(version, change.effects());
		});
	}

	/**
	 * {@code ADG TrID name 0} (MSNP7, msnp.md 10.3). The new group gets the lowest free
	 * id from 1.
	 * @param actor the acting account
	 * @param name the group name in wire form
	 * @return the new version and the group id
	 * @throws ListException 223, 229, 228 (in that order) or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public GroupAdded addGroup(String actor, String name) {
		requireToken(name);
		String owner = actor.toLowerCase(Locale.ROOT);
		return this.transactions.write(() -> {
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			AccountEntity me = actorOf(change.lockHandles(owner, owner), owner);
			long ownerId = me.getId();
			List<GroupEntity> existing = this.groups.findByOwnerIdOrderByGroupId(ownerId);
			if (existing.size() >= this.rules.groups()) {
				throw new ListException(ListError.TOO_MANY_GROUPS, "ADG");
			}
			checkGroupName(existing, name, -1);
			BitSet used = new BitSet();
			existing.forEach((group) -> used.set(group.getGroupId()));
			int id = used.nextClearBit(1);
			this.groups.save(new GroupEntity(ownerId, id, name));
			return new GroupAdded(change.bump(me), id);
		});
	}

	/**
	 * {@code REG TrID group name 0} (MSNP7, msnp.md 10.4).
	 * @param actor the acting account
	 * @param groupId the group
	 * @param name the new name in wire form
	 * @return the new version
	 * @throws ListException 224, 229, 228 (in that order) or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ListUpdate renameGroup(String actor, int groupId, String name) {
		requireGroupId(groupId);
		requireToken(name);
		return changeAccount(actor, (change, me) -> {
			List<GroupEntity> existing = this.groups.findByOwnerIdOrderByGroupId(me.getId());
			GroupEntity group = existing.stream()
				.filter((candidate) -> candidate.getGroupId() == groupId)
				.findFirst()
				.orElseThrow(() -> new ListException(ListError.NO_SUCH_GROUP, "group " + groupId));
			checkGroupName(existing, name, groupId);
			group.setName(name);
		});
	}

	/**
	 * {@code RMG TrID group} (MSNP7, msnp.md 10.5). Contacts that were only in this group
	 * move to group 0 (POLICY).
	 * @param actor the acting account
	 * @param groupId the group
	 * @return the new version
	 * @throws ListException 230, 224 or a violation
	 * @throws AccountNotFoundException if the actor does not exist
	 */
	public ListUpdate removeGroup(String actor, int groupId) {
		requireGroupId(groupId);
		if (groupId == 0) {
			throw new ListException(ListError.GROUP_ZERO_PERMANENT, "RMG 0");
		}
		return changeAccount(actor, (change, me) -> {
			GroupEntity group = this.groups.findById(new GroupEntity.Key(me.getId(), groupId))
				.orElseThrow(() -> new ListException(ListError.NO_SUCH_GROUP, "group " + groupId));
			this.groups.delete(group);
			for (ContactEntity entry : this.contacts.findByOwnerIdAndListOrderById(me.getId(), ListType.FL)) {
				if (inGroup(entry, groupId)) {
					int left = entry.getGroupMask() & ~bit(groupId);
					entry.setGroupMask((left != 0) ? left : bit(0));
				}
			}
		});
	}

	/**
	 * Everything a full {@code SYN} sends (msnp.md 7.3), read in one repeatable-read
	 * transaction.
	 * @param account the account
	 * @return the snapshot
	 * @throws AccountNotFoundException if the account does not exist
	 */
	public SynSnapshot snapshot(String account) {
		String owner = account.toLowerCase(Locale.ROOT);
		return this.transactions.snapshot(() -> {
			AccountEntity me = this.accounts.findByEmail(owner).orElseThrow(() -> new AccountNotFoundException(owner));
			List<SynSnapshot.Group> groupList = this.groups.findByOwnerIdOrderByGroupId(me.getId())
				.stream()
				.map((group) -> new SynSnapshot.Group(group.getGroupId(), group.getName()))
				.toList();
			OwnLists lists = OwnLists.of(this.contacts.findEntries(me.getId()));
			Map<Long, Standing> standings = this.contacts.findStandingsOnForwardContacts(me.getId());
			List<SynSnapshot.ForwardEntry> forward = new ArrayList<>();
			for (EntryRow row : lists.entries(ListType.FL)) {
				Standing mine = standings.getOrDefault(row.contactId(), Standing.NONE);
				forward.add(new SynSnapshot.ForwardEntry(row.handle(), row.name(), groupIds(row.groupMask()),
						Privacy.phonesSeenBy(row.phoneBook(), mine)));
			}
			return new SynSnapshot(me.getListVersion(), me.getGtc(), me.getBlp(), me.phoneBook(), groupList, forward,
					entries(lists, ListType.AL), entries(lists, ListType.BL), entries(lists, ListType.RL));
		});
	}

	private ListUpdate changeAccount(String actor, AccountChange work) {
		String owner = actor.toLowerCase(Locale.ROOT);
		return this.transactions.write(() -> {
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			AccountEntity me = actorOf(change.lockHandles(owner, owner), owner);
			work.apply(change, me);
			return new ListUpdate(change.bump(me), change.effects());
		});
	}

	/**
	 * Locks the owner together with the watchers who might see its phones, in id order;
	 * the watcher set is read again under the lock, and a watcher that appeared meanwhile
	 * is locked on its own.
	 */
	private AccountEntity lockWithPhoneWatchers(ChangeSet change, String owner) {
		long ownerId = idOf(owner);
		OwnLists unlocked = OwnLists.of(this.contacts.findEntries(ownerId));
		List<Long> ids = new ArrayList<>();
		ids.add(ownerId);
		for (EntryRow watcher : unlocked.entries(ListType.RL)) {
			if (Privacy.seesPhones(unlocked.standingOf(watcher.contactId()))) {
				ids.add(watcher.contactId());
			}
		}
		change.lock(ids);
		return lockedActor(change, ownerId, owner);
	}

	private long idOf(String handle) {
		return this.accounts.findIdByEmail(handle).orElseThrow(() -> new AccountNotFoundException(handle));
	}

	private static AccountEntity lockedActor(ChangeSet change, long id, String handle) {
		AccountEntity account = change.locked(id);
		if (account == null) {
			throw new AccountNotFoundException(handle);
		}
		return account;
	}

	private static AccountEntity actorOf(Map<String, AccountEntity> locked, String handle) {
		AccountEntity account = locked.get(handle);
		if (account == null) {
			throw new AccountNotFoundException(handle);
		}
		return account;
	}

	/** Both accounts' entries about each other, read under their locks. */
	private Between between(AccountEntity me, AccountEntity them) {
		List<ContactEntity> mine = new ArrayList<>();
		List<ContactEntity> theirs = new ArrayList<>();
		for (ContactEntity entry : this.contacts.findBetween(me.getId(), them.getId())) {
			((entry.getOwnerId() == me.getId()) ? mine : theirs).add(entry);
		}
		return new Between(mine, theirs);
	}

	private static PhoneKey clientProperty(String key) {
		for (PhoneKey property : PhoneKey.values()) {
			if (property != PhoneKey.MBE && property.name().equals(key)) {
				return property;
			}
		}
		throw new ListException(ListError.NOT_EXPECTED, "PRP " + key);
	}

	private static PhoneBook withProperty(PhoneBook book, PhoneKey key, String value) {
		return switch (key) {
			case PHH -> new PhoneBook(value, book.work(), book.mobile(), book.mobilePaging(), book.mobileDevice());
			case PHW -> new PhoneBook(book.home(), value, book.mobile(), book.mobilePaging(), book.mobileDevice());
			case PHM -> new PhoneBook(book.home(), book.work(), value, book.mobilePaging(), book.mobileDevice());
			case MOB -> new PhoneBook(book.home(), book.work(), book.mobile(), "Y".equals(value) && book.mobileDevice(),
					book.mobileDevice());
			case MBE -> throw new ListException(ListError.NOT_EXPECTED, "PRP MBE");
		};
	}

	private static void requireName(String name) {
		requireToken(name);
		if (WireText.byteLength(name) > WireText.MAX_NAME_BYTES) {
			throw new ListException(ListError.NAME_TOO_LONG, WireText.byteLength(name) + " bytes");
		}
	}

	private static void requireToken(String text) {
		if (!WireText.isToken(text)) {
			throw new ListException(ListError.MALFORMED_ARGUMENT, "not a wire token");
		}
	}

	private static void requireGroupId(int groupId) {
		if (groupId < 0 || groupId > LAST_GROUP_ID) {
			throw new ListException(ListError.GROUP_ID_OUT_OF_RANGE, "group " + groupId);
		}
	}

	private static void checkGroupName(List<GroupEntity> existing, String name, int renamedId) {
		if (WireText.byteLength(name) > WireText.MAX_GROUP_NAME_BYTES) {
			throw new ListException(ListError.GROUP_NAME_TOO_LONG, WireText.byteLength(name) + " bytes");
		}
		for (GroupEntity group : existing) {
			if (group.getGroupId() != renamedId && group.getName().equals(name)) {
				throw new ListException(ListError.GROUP_NAME_EXISTS, name);
			}
		}
	}

	private static ContactEntity find(List<ContactEntity> entries, ListType list) {
		for (ContactEntity entry : entries) {
			if (entry.getList() == list) {
				return entry;
			}
		}
		return null;
	}

	private static Standing standing(List<ContactEntity> entries) {
		return new Standing(find(entries, ListType.AL) != null, find(entries, ListType.BL) != null);
	}

	private static List<SynSnapshot.Entry> entries(OwnLists lists, ListType list) {
		return lists.entries(list).stream().map((row) -> new SynSnapshot.Entry(row.handle(), row.name())).toList();
	}

	private static List<Integer> groupIds(int mask) {
		return BitSet.valueOf(new long[] { mask }).stream().boxed().toList();
	}

	private static boolean inGroup(ContactEntity entry, int groupId) {
		return groupId >= 0 && groupId <= LAST_GROUP_ID && (entry.getGroupMask() & bit(groupId)) != 0;
	}

	private static int bit(int groupId) {
		return 1 << groupId;
	}

	/**
	 * The entries two accounts have about each other.
	 *
	 * @param mine the actor's entries about the other account
	 * @param theirs the other account's entries about the actor
	 */
	private record Between(List<ContactEntity> mine, List<ContactEntity> theirs) {

		static final Between NONE = new Between(List.of(), List.of());

		/** Where the other account stands on the actor's lists. */
		Standing standing() {
			return ListService.standing(this.mine);
		}

		/** Where the actor stands on the other account's lists. */
		Standing theirStanding() {
			return ListService.standing(this.theirs);
		}

		/** Whether the other account has the actor on its FL. */
		boolean watched() {
			return find(this.theirs, ListType.FL) != null;
		}

	}

	@FunctionalInterface
	private interface AccountChange {

		void apply(ChangeSet change, AccountEntity account);

	}

}
