package org.butterfly.notification.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;

/**
 * The accounts of the paging transcripts (msnp.md §11.5), for the single-node and the
 * multi-node tests alike.
 */
public final class PagingFixtures {

	private PagingFixtures() {
	}

	/**
	 * Makes {@code handle} pageable by {@code sender}: a device, paging on, a mobile
	 * number, the sender on its AL, and it on the sender's FL.
	 * @return the handle
	 */
	public static String pageable(ListService lists, String handle, String friendlyName, String sender) {
		lists.setMobileDevice(handle, true);
		lists.setProperty(handle, "PHM", "555-0142");
		lists.setProperty(handle, "MOB", "Y");
		lists.add(handle, ListType.AL, sender, "Sender");
		lists.add(sender, ListType.FL, handle, friendlyName);
		return handle;
	}

	/**
	 * The variables of {@code paging/pag-ipg.msnp}: bob pages alice (accepted), carol
	 * ({@code MOB N}), dave (blocks bob) and erin (not on bob's FL).
	 * @param account creates an account from a name and friendly name, returning its
	 * handle
	 * @return the variables
	 */
	public static Map<String, String> pagIpg(AccountService accounts, ListService lists,
			BiFunction<String, String, String> account, String dialect, String targetDialect) {
		String bob = account.apply("bob", "Bob");
		String alice = pageable(lists, account.apply("alice", "Alice"), "Alice", bob);
		String carol = pageable(lists, account.apply("carol", "Carol"), "Carol", bob);
		lists.setProperty(carol, "MOB", "N");
		String dave = pageable(lists, account.apply("dave", "Dave"), "Dave", bob);
		lists.remove(dave, ListType.AL, bob);
		lists.add(dave, ListType.BL, bob, "Bob");
		String erin = pageable(lists, account.apply("erin", "Erin"), "Erin", bob);
		lists.remove(bob, ListType.FL, erin);
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("dialect", dialect);
		variables.put("targetDialect", targetDialect);
		variables.put("alice", alice);
		variables.put("bob", bob);
		variables.put("carol", carol);
		variables.put("dave", dave);
		variables.put("erin", erin);
		variables.put("alicePid", accounts.find(alice).orElseThrow().puid().pid());
		variables.put("bobPid", accounts.find(bob).orElseThrow().puid().pid());
		return variables;
	}

}
