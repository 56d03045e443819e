package org.butterfly.admin.lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.butterfly.admin.web.WireNames;
import org.butterfly.directory.contacts.Gtc;
import org.butterfly.directory.contacts.SynSnapshot;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;

/**
 * Everything {@code SYN} would send the account (msnp.md §7.3), names decoded.
 *
 * @param version the list version
 * @param blp the privacy mode
 * @param gtc the reverse-list prompting mode
 * @param forwardList FL entries with their groups (MSNP7 data)
 * @param allowList AL entries
 * @param blockList BL entries
 * @param reverseList RL entries (the people who have the account on their FL)
 * @param phones the account's own phone properties; unset ones are absent
 * @param groups the groups, group 0 included
 */
public record ListsView(long version, Blp blp, Gtc gtc, @JsonProperty("FL") List<Entry> forwardList,
		@JsonProperty("AL") List<Entry> allowList, @JsonProperty("BL") List<Entry> blockList,
		@JsonProperty("RL") List<Entry> reverseList, Map<String, String> phones, List<Group> groups) {

	static ListsView of(SynSnapshot snapshot) {
		return new ListsView(snapshot.version(), snapshot.blp(), snapshot.gtc(),
				snapshot.forwardList()
					.stream()
					.map((entry) -> new Entry(entry.handle(), WireNames.fromWire(entry.name()), entry.groups()))
					.toList(),
				entries(snapshot.allowList()), entries(snapshot.blockList()), entries(snapshot.reverseList()),
				phones(snapshot.properties()),
				snapshot.groups()
					.stream()
					.map((group) -> new Group(group.id(), WireNames.fromWire(group.name())))
					.toList());
	}

	private static List<Entry> entries(List<SynSnapshot.Entry> entries) {
		return entries.stream()
			.map((entry) -> new Entry(entry.handle(), WireNames.fromWire(entry.name()), null))
			.toList();
	}

	private static Map<String, String> phones(PhoneBook book) {
		Map<String, String> phones = new LinkedHashMap<>();
		putIfSet(phones, "PHH", book.home());
		putIfSet(phones, "PHW", book.work());
		putIfSet(phones, "PHM", book.mobile());
		phones.put("MOB", book.mobilePaging() ? "Y" : "N");
		phones.put("MBE", book.mobileDevice() ? "Y" : "N");
		return phones;
	}

	private static void putIfSet(Map<String, String> phones, String key, String wire) {
		if (wire != null) {
			phones.put(key, WireNames.fromWire(wire));
		}
	}

	/**
	 * A list entry.
	 *
	 * @param email the contact
	 * @param friendlyName the stored name, decoded
	 * @param groups the group ids (FL only)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(String email, String friendlyName, List<Integer> groups) {
	}

	/**
	 * A group (MSNP7).
	 *
	 * @param id 0..29
	 * @param name the name, decoded
	 */
	public record Group(int id, String name) {
	}

}
