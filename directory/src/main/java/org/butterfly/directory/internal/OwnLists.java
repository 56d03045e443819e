package org.butterfly.directory.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.privacy.Standing;

/**
 * The four lists of one account as read in the current transaction, in insertion order.
 */
public final class OwnLists {

	private final Map<ListType, List<EntryRow>> entries = new EnumMap<>(ListType.class);

	private final Map<ListType, Set<Long>> members = new EnumMap<>(ListType.class);

	private OwnLists(List<EntryRow> rows) {
		for (ListType list : ListType.values()) {
			this.entries.put(list, new ArrayList<>());
			this.members.put(list, new HashSet<>());
		}
		for (EntryRow row : rows) {
			this.entries.get(row.list()).add(row);
			this.members.get(row.list()).add(row.contactId());
		}
	}

	public static OwnLists of(List<EntryRow> rows) {
		return new OwnLists(rows);
	}

	public List<EntryRow> entries(ListType list) {
		return this.entries.get(list);
	}

	public boolean contains(ListType list, long contactId) {
		return this.members.get(list).contains(contactId);
	}

	/** Where another account stands on these lists. */
	public Standing standingOf(long contactId) {
		return new Standing(contains(ListType.AL, contactId), contains(ListType.BL, contactId));
	}

}
