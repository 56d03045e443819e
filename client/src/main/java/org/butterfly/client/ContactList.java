package org.butterfly.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.butterfly.protocol.vocab.ListType;

/**
 * A snapshot of the user's stored data as the server reported it: the four lists, the
 * groups (MSNP7), the privacy settings, the phone properties and the list version
 * (msnp.md §6, §7). Names are decoded (plain text, not URL-encoded).
 *
 * @param version the list version ({@code Ser#}) the data belongs to; a later sign-in
 * passes it to {@code SYN} to skip the dump when nothing changed
 * @param gtc {@code A} or {@code N} (§9.4), {@code null} before SYN
 * @param blp {@code AL} or {@code BL} (§9.4), {@code null} before SYN
 * @param lists every list, FL, AL, BL and RL, in the server's order
 * @param groups group id to name (MSNP7)
 * @param phones the user's own properties ({@code PHH}, {@code PHW}, {@code PHM},
 * {@code MOB}, {@code MBE}) that are set
 * @param contactPhones what each FL contact lets the user see of its properties
 * ({@code BPR}, §11.2)
 */
public record ContactList(long version, String gtc, String blp, Map<ListType, List<Entry>> lists,
		Map<Integer, String> groups, Map<String, String> phones, Map<String, Map<String, String>> contactPhones) {

	public ContactList {
		lists = Map.copyOf(lists);
		groups = Map.copyOf(groups);
		phones = Map.copyOf(phones);
		contactPhones = Map.copyOf(contactPhones);
	}

	/** The entries of one list, in the server's order. */
	public List<Entry> list(ListType list) {
		return this.lists.getOrDefault(list, List.of());
	}

	/** The entry for {@code handle} on {@code list}, if it is there. */
	public Optional<Entry> find(ListType list, String handle) {
		return list(list).stream().filter((entry) -> entry.handle().equalsIgnoreCase(handle)).findFirst();
	}

	public boolean contains(ListType list, String handle) {
		return find(list, handle).isPresent();
	}

	/**
	 * One list entry.
	 *
	 * @param handle the contact's e-mail address
	 * @param customName the name stored with the entry (decoded)
	 * @param groups the groups of an FL entry (MSNP7), empty otherwise
	 */
	public record Entry(String handle, String customName, List<Integer> groups) {

		public Entry {
			groups = List.copyOf(groups);
		}

	}

}
