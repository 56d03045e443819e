package org.butterfly.client.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.butterfly.client.ContactList;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.UrlEncoding;
import org.butterfly.protocol.wire.Frame;

/**
 * The mutable side of {@link ContactList}: applies the server's list lines as they arrive
 * (msnp.md §7, §9, §10, §11), whether they answer this client's commands or are pushed
 * ({@code ADD 0 RL}, {@code BPR}). Written on the connection's event loop, read as
 * snapshots from any thread.
 */
public final class ListState {

	private long version;

	private String gtc;

	private String blp;

	private final Map<ListType, Map<String, ContactList.Entry>> lists = new EnumMap<>(ListType.class);

	private final Map<Integer, String> groups = new TreeMap<>();

	private final Map<String, String> phones = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> contactPhones = new LinkedHashMap<>();

	/** MSNP7: an FL entry added without a group is in group 0 (msnp.md §9.1). */
	private final boolean groupsKnown;

	public ListState(long version, boolean groupsKnown) {
		this.version = version;
		this.groupsKnown = groupsKnown;
		for (ListType list : ListType.values()) {
			this.lists.put(list, new LinkedHashMap<>());
		}
	}

	/**
	 * Applies one line from the notification server if it is a list line.
	 * @param frame the line
	 * @return whether the lists changed
	 */
	public synchronized boolean apply(Frame frame) {
		return switch (frame.verb()) {
			case "SYN" -> setVersion(frame, 1);
			case "GTC" -> apply(frame, () -> this.gtc = frame.token(2));
			case "BLP" -> apply(frame, () -> this.blp = frame.token(2));
			case "PRP" -> applyPrp(frame);
			case "BPR" -> applyBpr(frame);
			case "LSG" -> applyLsg(frame);
			case "LST" -> applyLst(frame);
			case "ADD" -> applyAdd(frame);
			case "REM" -> applyRem(frame);
			case "REA" -> applyRea(frame);
			case "ADG" -> apply(frame,
					() -> this.groups.put(Integer.parseInt(frame.token(3)), UrlEncoding.decode(frame.token(2))));
			case "REG" -> apply(frame,
					() -> this.groups.put(Integer.parseInt(frame.token(2)), UrlEncoding.decode(frame.token(3))));
			case "RMG" -> apply(frame, () -> removeGroup(Integer.parseInt(frame.token(2))));
			default -> false;
		};
	}

	/** An immutable copy. */
	public synchronized ContactList snapshot() {
		Map<ListType, List<ContactList.Entry>> copies = new EnumMap<>(ListType.class);
		this.lists.forEach((list, entries) -> copies.put(list, List.copyOf(entries.values())));
		Map<String, Map<String, String>> contacts = new LinkedHashMap<>();
		this.contactPhones.forEach((handle, values) -> contacts.put(handle, Map.copyOf(values)));
		return new ContactList(this.version, this.gtc, this.blp, copies, this.groups, this.phones, contacts);
	}

	public synchronized long version() {
		return this.version;
	}

	/** Lines with the version as their second token: {@code VERB TrID ver ...}. */
	private boolean apply(Frame frame, Runnable change) {
		setVersion(frame, 1);
		change.run();
		return true;
	}

	private boolean setVersion(Frame frame, int index) {
		this.version = Long.parseLong(frame.token(index));
		return true;
	}

	/** {@code PRP TrID ver key [value]}. */
	private boolean applyPrp(Frame frame) {
		return apply(frame, () -> put(this.phones, frame.token(2), value(frame, 3)));
	}

	/** {@code BPR ver handle key [value]}: no TrID. */
	private boolean applyBpr(Frame frame) {
		setVersion(frame, 0);
		put(this.contactPhones.computeIfAbsent(frame.token(1), (handle) -> new LinkedHashMap<>()), frame.token(2),
				value(frame, 3));
		return true;
	}

	/** {@code LSG TrID ver i n id name 0}: the first line replaces the groups. */
	private boolean applyLsg(Frame frame) {
		return apply(frame, () -> {
			if ("1".equals(frame.token(2))) {
				this.groups.clear();
			}
			this.groups.put(Integer.parseInt(frame.token(4)), UrlEncoding.decode(frame.token(5)));
		});
	}

	/**
	 * {@code LST TrID LIST ver i n handle name [groups]} or
	 * {@code LST TrID LIST ver 0 0}: the first line of a list replaces it.
	 */
	private boolean applyLst(Frame frame) {
		Map<String, ContactList.Entry> entries = entries(frame);
		if ("0".equals(frame.token(3)) || "1".equals(frame.token(3))) {
			entries.clear();
		}
		if (frame.tokenCount() > 6) {
			List<Integer> groupIds = (frame.tokenCount() > 7) ? groupIds(frame.token(7)) : List.of();
			entries.put(frame.token(5),
					new ContactList.Entry(frame.token(5), UrlEncoding.decode(frame.token(6)), groupIds));
		}
		return true;
	}

	/**
	 * The list named by {@code VERB TrID LIST ver ...}, after taking the version.
	 */
	private Map<String, ContactList.Entry> entries(Frame frame) {
		this.version = Long.parseLong(frame.token(2));
		return this.lists.get(ListType.valueOf(frame.token(1)));
	}

	/** {@code ADD TrID LIST ver handle name [group]}. */
	private boolean applyAdd(Frame frame) {
		ListType list = ListType.valueOf(frame.token(1));
		Map<String, ContactList.Entry> entries = entries(frame);
		String handle = frame.token(3);
		List<Integer> groupIds = new ArrayList<>();
		ContactList.Entry existing = entries.get(handle);
		if (existing != null) {
			groupIds.addAll(existing.groups());
		}
		int group = (frame.tokenCount() > 5) ? Integer.parseInt(frame.token(5)) : 0;
		boolean grouped = frame.tokenCount() > 5 || (this.groupsKnown && list == ListType.FL);
		if (grouped && !groupIds.contains(group)) {
			groupIds.add(group);
		}
		entries.put(handle, new ContactList.Entry(handle, UrlEncoding.decode(frame.token(4)), groupIds));
		return true;
	}

	/**
	 * {@code REM TrID LIST ver handle [group]}: with a group only that membership goes.
	 */
	private boolean applyRem(Frame frame) {
		ListType list = ListType.valueOf(frame.token(1));
		Map<String, ContactList.Entry> entries = entries(frame);
		String handle = frame.token(3);
		ContactList.Entry existing = entries.get(handle);
		if (frame.tokenCount() > 4 && existing != null) {
			List<Integer> groupIds = new ArrayList<>(existing.groups());
			groupIds.remove(Integer.valueOf(frame.token(4)));
			entries.put(handle,
					new ContactList.Entry(handle, existing.customName(), groupIds.isEmpty() ? List.of(0) : groupIds));
		}
		else {
			entries.remove(handle);
			if (list == ListType.FL) {
				this.contactPhones.remove(handle);
			}
		}
		return true;
	}

	/** {@code REA TrID ver handle name}: renames the entry on every list. */
	private boolean applyRea(Frame frame) {
		this.version = Long.parseLong(frame.token(1));
		String handle = frame.token(2);
		String name = UrlEncoding.decode(frame.token(3));
		this.lists.values()
			.forEach((entries) -> entries.computeIfPresent(handle,
					(key, entry) -> new ContactList.Entry(handle, name, entry.groups())));
		return true;
	}

	private void removeGroup(int id) {
		this.groups.remove(id);
		Map<String, ContactList.Entry> friends = this.lists.get(ListType.FL);
		friends.replaceAll((handle, entry) -> {
			List<Integer> groupIds = new ArrayList<>(entry.groups());
			groupIds.remove(Integer.valueOf(id));
			return new ContactList.Entry(handle, entry.customName(), groupIds.isEmpty() ? List.of(0) : groupIds);
		});
	}

	private static List<Integer> groupIds(String token) {
		List<Integer> ids = new ArrayList<>();
		for (String id : token.split(",")) {
			ids.add(Integer.parseInt(id));
		}
		return ids;
	}

	private static String value(Frame frame, int index) {
		return (frame.tokenCount() > index) ? UrlEncoding.decode(frame.token(index)) : null;
	}

	private static void put(Map<String, String> values, String key, String value) {
		if (value == null) {
			values.remove(key);
		}
		else {
			values.put(key, value);
		}
	}

}
