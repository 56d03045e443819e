package org.butterfly.directory.contacts;

import java.util.List;

import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.privacy.PhoneView;

/**
 * Everything a full {@code SYN} transmits (msnp.md 7.3), read in one consistent snapshot.
 * Entries keep insertion order; groups are ordered by id.
 *
 * @param version the list version every line carries
 * @param gtc the GTC setting
 * @param blp the BLP setting
 * @param properties the account's own phone properties ({@code PRP} lines)
 * @param groups the groups ({@code LSG} lines, MSNP7); group 0 is always there
 * @param forwardList FL entries with their groups and the four {@code BPR} values the
 * account may see
 * @param allowList AL entries
 * @param blockList BL entries
 * @param reverseList RL entries
 */
public record SynSnapshot(long version, Gtc gtc, Blp blp, PhoneBook properties, List<Group> groups,
		List<ForwardEntry> forwardList, List<Entry> allowList, List<Entry> blockList, List<Entry> reverseList) {

	public SynSnapshot {
		groups = List.copyOf(groups);
		forwardList = List.copyOf(forwardList);
		allowList = List.copyOf(allowList);
		blockList = List.copyOf(blockList);
		reverseList = List.copyOf(reverseList);
	}

	/**
	 * The entries of one list, without groups or phones.
	 * @param list the list
	 * @return its entries, in insertion order
	 */
	public List<Entry> entries(ListType list) {
		return switch (list) {
			case FL -> this.forwardList.stream().map((entry) -> new Entry(entry.handle(), entry.name())).toList();
			case AL -> this.allowList;
			case BL -> this.blockList;
			case RL -> this.reverseList;
		};
	}

	/**
	 * A group.
	 *
	 * @param id 0..29
	 * @param name the name in wire form
	 */
	public record Group(int id, String name) {
	}

	/**
	 * An AL, BL or RL entry.
	 *
	 * @param handle the listed account
	 * @param name the stored name in wire form
	 */
	public record Entry(String handle, String name) {
	}

	/**
	 * An FL entry.
	 *
	 * @param handle the listed account
	 * @param name the stored custom name in wire form
	 * @param groups the group ids, ascending, never empty
	 * @param phones what the account may see of the contact's phone properties
	 */
	public record ForwardEntry(String handle, String name, List<Integer> groups, PhoneView phones) {

		public ForwardEntry {
			groups = List.copyOf(groups);
		}

	}

}
