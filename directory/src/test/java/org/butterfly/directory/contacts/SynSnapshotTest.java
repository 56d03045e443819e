package org.butterfly.directory.contacts;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.privacy.PhoneView;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code SYN} snapshot (msnp.md 7.3, 18 example 0). */
class SynSnapshotTest extends DirectoryIntegrationTest {

	@Test
	void aNewAccountHasVersionZeroAndEmptyLists() {
		String alice = newAccount("alice");

		assertThat(this.lists.snapshot(alice)).isEqualTo(new SynSnapshot(0, Gtc.A, Blp.AL, PhoneBook.EMPTY,
				List.of(new SynSnapshot.Group(0, AccountService.FIRST_GROUP_NAME)), List.of(), List.of(), List.of(),
				List.of()));
	}

	@Test
	void example0() {
		// example has anotheruser on FL, AL and RL; anotheruser's home phone is visible
		// because it allows example.
		String example = newAccount("example");
		String another = newAccount("anotheruser");
		this.lists.rename(another, another, "another%20user");
		this.lists.setProperty(another, "PHH", "1%20(222)%203333");
		this.lists.add(example, ListType.FL, another, "another%20user");
		this.lists.add(example, ListType.AL, another, "another%20user");
		this.lists.add(another, ListType.FL, example, example);
		this.lists.add(another, ListType.AL, example, example);

		SynSnapshot snapshot = this.lists.snapshot(example);

		assertThat(snapshot.version()).isEqualTo(version(example));
		assertThat(snapshot.forwardList()).containsExactly(new SynSnapshot.ForwardEntry(another, "another%20user",
				List.of(0), new PhoneView("1%20(222)%203333", null, null, false)));
		assertThat(snapshot.allowList()).containsExactly(new SynSnapshot.Entry(another, "another%20user"));
		assertThat(snapshot.blockList()).isEmpty();
		assertThat(snapshot.reverseList()).containsExactly(new SynSnapshot.Entry(another, "another%20user"));
		assertThat(snapshot.entries(ListType.FL)).containsExactly(new SynSnapshot.Entry(another, "another%20user"));
	}

	@Test
	void entriesKeepInsertionOrderAndEachContactShowsTheNumbersItAllows() {
		String alice = newAccount("alice");
		String zed = newAccount("zed");
		String bob = newAccount("bob");
		String mia = newAccount("mia");
		for (String contact : List.of(zed, bob, mia)) {
			this.lists.setProperty(contact, "PHM", "555-" + contact.charAt(0));
			this.lists.add(alice, ListType.FL, contact, contact);
		}
		this.lists.add(bob, ListType.AL, alice, alice);
		this.lists.add(mia, ListType.BL, alice, alice);
		this.lists.add(alice, ListType.BL, zed, zed);
		this.lists.add(alice, ListType.AL, mia, mia);

		SynSnapshot snapshot = this.lists.snapshot(alice);

		assertThat(snapshot.forwardList())
			.extracting(SynSnapshot.ForwardEntry::handle, SynSnapshot.ForwardEntry::phones)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(zed, PhoneView.HIDDEN),
					org.assertj.core.groups.Tuple.tuple(bob, new PhoneView(null, null, "555-b", false)),
					org.assertj.core.groups.Tuple.tuple(mia, PhoneView.HIDDEN));
		assertThat(snapshot.blockList()).extracting(SynSnapshot.Entry::handle).containsExactly(zed);
		assertThat(snapshot.allowList()).extracting(SynSnapshot.Entry::handle).containsExactly(mia);
		assertThat(snapshot.reverseList()).isEmpty();
		assertThat(this.lists.snapshot(zed).reverseList()).extracting(SynSnapshot.Entry::handle).containsExactly(alice);
	}

}
