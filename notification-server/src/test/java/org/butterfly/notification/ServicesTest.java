package org.butterfly.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.butterfly.directory.account.AccountUpdate;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.paging.PagingService;
import org.butterfly.directory.paging.QueuedPage;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.notification.support.PagingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code FND}, {@code PAG}/{@code IPG} and groups in every dialect where they exist, and
 * their absence where they do not (msnp.md §10, §11.5, §11.8, §12.2, §16), as golden
 * transcripts over TCP and the in-JVM transport, with the default configuration.
 */
class ServicesTest extends NotificationServerTest {

	static final List<String> ALL = List.of("MSNP2", "MSNP3", "MSNP4", "MSNP5", "MSNP6", "MSNP7");

	@Autowired
	PagingService paging;

	@Test
	void memberSearchInEveryDialect() {
		String crowd = "Crowd" + System.nanoTime();
		for (int i = 0; i < 101; i++) {
			member("crowd", "Member" + i, crowd, "Seattle", "WA", "US", true);
		}
		for (String dialect : ALL) {
			transcript("/transcripts/member-search/fnd.msnp", (variables) -> {
				String last = "Quill" + System.nanoTime();
				member("ada", "Ada", last, "Springfield", "IL", "US", true);
				member("mary", "Mary Ann", last, "New York", "NY", "US", true);
				member("cy", "Cy", last, "Springfield", "IL", "US", false);
				return variables.set("dialect", dialect)
					.set("alice", account("alice", "Alice"))
					.set("last", last)
					.set("lastLower", last.toLowerCase())
					.set("crowd", crowd);
			});
		}
	}

	@Test
	void pagesFromEveryPagingDialectReachMsnp6And7AsIpg() {
		List<String> targets = new ArrayList<>();
		for (String dialect : List.of("MSNP5", "MSNP6", "MSNP7")) {
			for (String targetDialect : List.of("MSNP6", "MSNP7")) {
				transcript("/transcripts/paging/pag-ipg.msnp", (variables) -> {
					Map<String, String> values = PagingFixtures.pagIpg(this.accounts, this.lists, this::account,
							dialect, targetDialect);
					targets.add(values.get("alice"));
					values.forEach(variables::set);
					return variables;
				});
			}
		}
		// every accepted page is in the outbox, with its call-back number and plain text
		List<QueuedPage> pending = this.paging.pending(10_000);
		for (String alice : targets) {
			long id = this.accounts.find(alice).orElseThrow().id();
			assertThat(pending.stream().filter((page) -> page.targetId() == id))
				.extracting(QueuedPage::callbackNumber, QueuedPage::message, QueuedPage::mobileNumber)
				.containsExactly(tuple("4255550100", "Call me; it's 5 > 4", "555-0142"),
						tuple(null, "Back&forth", "555-0142"));
		}
	}

	@Test
	void aPageToAnMsnp5ContactIsKeptButNeverShownAsIpg() {
		for (String dialect : List.of("MSNP5", "MSNP6", "MSNP7")) {
			String[] target = new String[1];
			transcript("/transcripts/paging/pag-to-msnp5.msnp", (variables) -> {
				String bob = account("bob", "Bob");
				target[0] = pageable("alice", "Alice", bob);
				return variables.set("dialect", dialect).set("alice", target[0]).set("bob", bob);
			});
			long id = this.accounts.find(target[0]).orElseThrow().id();
			assertThat(this.paging.pending(10_000)).filteredOn((page) -> page.targetId() == id)
				.extracting(QueuedPage::message)
				.containsExactly("Are you there?");
		}
	}

	@Test
	void pagClosesBeforeMsnp5() {
		for (String dialect : List.of("MSNP2", "MSNP3", "MSNP4")) {
			transcript("/transcripts/paging/pag-absent.msnp", (variables) -> {
				String bob = account("bob", "Bob");
				return variables.set("dialect", dialect).set("bob", bob).set("alice", pageable("alice", "Alice", bob));
			});
		}
	}

	@Test
	void groupCommandsCloseBeforeMsnp7() {
		for (String dialect : ALL.subList(0, 5)) {
			transcript("/transcripts/groups/absent-before-msnp7.msnp",
					(variables) -> variables.set("dialect", dialect)
						.set("alice", account("alice", "Alice"))
						.set("bob", account("bob", "Bob")));
		}
	}

	@Test
	void msnp7GroupLimits() {
		transcript("/transcripts/groups/msnp7-group-limits.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			for (int i = 1; i <= 28; i++) {
				this.lists.addGroup(alice, "G" + i);
			}
			return variables.set("alice", alice).versions("v", version(alice), 5);
		});
	}

	/** A searchable or hidden member of the directory. */
	private void member(String name, String first, String last, String city, String state, String country,
			boolean searchable) {
		String handle = account(name, first.replace(" ", "%20"));
		this.accounts.update(handle, AccountUpdate.NONE.withProfile(
				new Profile(first, last, city, state, country, searchable, 1033, null, null, null, false, true)));
	}

	/**
	 * An account with a device, paging on, a mobile number and {@code sender} on its AL,
	 * on the sender's FL.
	 */
	private String pageable(String name, String friendlyName, String sender) {
		return PagingFixtures.pageable(this.lists, account(name, friendlyName), friendlyName, sender);
	}

}
