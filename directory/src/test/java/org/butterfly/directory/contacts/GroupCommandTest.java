package org.butterfly.directory.contacts;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ADG}, {@code REG}, {@code RMG} (msnp.md 10, 18 example 7). */
class GroupCommandTest extends DirectoryIntegrationTest {

	@Test
	void aNewAccountHasGroupZeroOnly() {
		String alice = newAccount("alice");

		assertThat(this.lists.snapshot(alice).groups())
			.containsExactly(new SynSnapshot.Group(0, AccountService.FIRST_GROUP_NAME));
		assertThat(AccountService.FIRST_GROUP_NAME).isEqualTo("Other%20Contacts");
	}

	@Test
	void example7() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		String carol = newAccount("carol");
		assertThat(this.lists.addGroup(alice, "Friends").groupId()).isEqualTo(1);
		assertThat(this.lists.addGroup(alice, "Work").groupId()).isEqualTo(2);
		this.lists.add(alice, ListType.FL, bob, "Bob%20B.", 1);
		this.lists.add(alice, ListType.FL, bob, "Bob%20B.", 2);
		this.lists.add(alice, ListType.FL, carol, "Carol%20C.");
		long version = version(alice);

		GroupAdded family = this.lists.addGroup(alice, "Family");
		assertThat(family).isEqualTo(new GroupAdded(version + 1, 3));
		assertThat(this.lists.renameGroup(alice, 3, "Family%20%26%20Kin").version()).isEqualTo(version + 2);
		assertThat(this.lists.add(alice, ListType.FL, carol, "Carol%20C.", 3).version()).isEqualTo(version + 3);
		assertThat(this.lists.remove(alice, ListType.FL, carol, 0).version()).isEqualTo(version + 4);
		assertThat(this.lists.removeGroup(alice, 2).version()).isEqualTo(version + 5);
		assertRefused(ListError.GROUP_ZERO_PERMANENT, () -> this.lists.removeGroup(alice, 0), alice);
		assertRefused(ListError.GROUP_NAME_TOO_LONG, () -> this.lists.addGroup(alice,
				"A%20group%20name%20that%20is%20much%20longer%20than%20the%20allowed%20limit"), alice);
		assertRefused(ListError.NO_SUCH_GROUP, () -> this.lists.add(alice, ListType.FL, bob, "Bob%20B.", 9), alice);
		assertRefused(ListError.NOT_IN_GROUP, () -> this.lists.remove(alice, ListType.FL, bob, 3), alice);

		SynSnapshot snapshot = this.lists.snapshot(alice);
		assertThat(snapshot.version()).isEqualTo(version + 5);
		assertThat(snapshot.groups()).containsExactly(new SynSnapshot.Group(0, "Other%20Contacts"),
				new SynSnapshot.Group(1, "Friends"), new SynSnapshot.Group(3, "Family%20%26%20Kin"));
		assertThat(snapshot.forwardList())
			.extracting(SynSnapshot.ForwardEntry::handle, SynSnapshot.ForwardEntry::groups)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(bob, List.of(1)),
					org.assertj.core.groups.Tuple.tuple(carol, List.of(3)));
	}

	@Test
	void newGroupsTakeTheLowestFreeIdFromOne() {
		String alice = newAccount("alice");
		this.lists.addGroup(alice, "One");
		this.lists.addGroup(alice, "Two");
		this.lists.addGroup(alice, "Three");
		this.lists.removeGroup(alice, 2);

		assertThat(this.lists.addGroup(alice, "Again").groupId()).isEqualTo(2);
		assertThat(this.lists.addGroup(alice, "Four").groupId()).isEqualTo(4);
	}

	@Test
	void thirtyGroupsAreTheMostAnd223ComesBefore229() {
		String alice = newAccount("alice");
		for (int i = 1; i < 30; i++) {
			assertThat(this.lists.addGroup(alice, "G" + i).groupId()).isEqualTo(i);
		}

		assertRefused(ListError.TOO_MANY_GROUPS, () -> this.lists.addGroup(alice, "More"), alice);
		assertRefused(ListError.TOO_MANY_GROUPS, () -> this.lists.addGroup(alice, "x".repeat(75)), alice);
		assertThat(ListError.TOO_MANY_GROUPS.code()).isEqualTo(223);
	}

	@Test
	void theGroupLimitIsConfigurable() {
		ListService few = new ListService(this.accountRepository, this.contactRepository, this.groupRepository,
				this.transactions, new ListRules(150, 500, 500, 2, List.of()), Clock.systemUTC());
		String alice = newAccount("alice");
		few.addGroup(alice, "Friends");

		assertRefused(ListError.TOO_MANY_GROUPS, () -> few.addGroup(alice, "Work"), alice);
	}

	@Test
	void groupNamesAreAtMost61BytesAndUnique() {
		String alice = newAccount("alice");
		int friends = this.lists.addGroup(alice, "x".repeat(61)).groupId();
		this.lists.addGroup(alice, "Work");

		assertRefused(ListError.GROUP_NAME_TOO_LONG, () -> this.lists.addGroup(alice, "x".repeat(62)), alice);
		assertRefused(ListError.GROUP_NAME_EXISTS, () -> this.lists.addGroup(alice, "Work"), alice);
		assertRefused(ListError.GROUP_NAME_EXISTS, () -> this.lists.addGroup(alice, "Other%20Contacts"), alice);
		assertRefused(ListError.GROUP_NAME_EXISTS, () -> this.lists.renameGroup(alice, friends, "Work"), alice);
		assertRefused(ListError.GROUP_NAME_TOO_LONG, () -> this.lists.renameGroup(alice, friends, "y".repeat(62)),
				alice);
		assertThat(ListError.GROUP_NAME_EXISTS.code()).isEqualTo(228);
		assertThat(ListError.GROUP_NAME_TOO_LONG.code()).isEqualTo(229);
		// Renaming a group to its own name is no clash.
		assertThat(this.lists.renameGroup(alice, friends, "x".repeat(61)).effects()).isEmpty();
	}

	@Test
	void renamingChecks224Then229Then228() {
		String alice = newAccount("alice");
		this.lists.addGroup(alice, "Work");

		assertRefused(ListError.NO_SUCH_GROUP, () -> this.lists.renameGroup(alice, 5, "z".repeat(70)), alice);
		assertRefused(ListError.GROUP_NAME_TOO_LONG, () -> this.lists.renameGroup(alice, 0, "z".repeat(70)), alice);
		assertRefused(ListError.GROUP_NAME_EXISTS, () -> this.lists.renameGroup(alice, 0, "Work"), alice);
		assertThat(this.lists.renameGroup(alice, 0, "~").version()).isPositive();
	}

	@Test
	void removingChecks230Then224() {
		String alice = newAccount("alice");

		assertRefused(ListError.GROUP_ZERO_PERMANENT, () -> this.lists.removeGroup(alice, 0), alice);
		assertRefused(ListError.NO_SUCH_GROUP, () -> this.lists.removeGroup(alice, 7), alice);
		assertThat(ListError.GROUP_ZERO_PERMANENT.code()).isEqualTo(230);
	}

	@Test
	void groupIdsOutside0To29CloseTheConnection() {
		String alice = newAccount("alice");

		assertRefused(ListError.GROUP_ID_OUT_OF_RANGE, () -> this.lists.renameGroup(alice, 30, "x"), alice);
		assertRefused(ListError.GROUP_ID_OUT_OF_RANGE, () -> this.lists.removeGroup(alice, -1), alice);
		assertRefused(ListError.MALFORMED_ARGUMENT, () -> this.lists.addGroup(alice, "two words"), alice);
		assertThat(ListError.GROUP_ID_OUT_OF_RANGE.closesConnection()).isTrue();
	}

	@Test
	void removingAGroupMovesItsOnlyMembersToGroupZero() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		String carol = newAccount("carol");
		int friends = this.lists.addGroup(alice, "Friends").groupId();
		int work = this.lists.addGroup(alice, "Work").groupId();
		this.lists.add(alice, ListType.FL, bob, bob, friends);
		this.lists.add(alice, ListType.FL, carol, carol, friends);
		this.lists.add(alice, ListType.FL, carol, carol, work);

		ListUpdate removed = this.lists.removeGroup(alice, friends);

		assertThat(removed.effects()).isEmpty();
		assertThat(this.lists.snapshot(alice).forwardList()).extracting(SynSnapshot.ForwardEntry::groups)
			.containsExactly(List.of(0), List.of(work));
	}

}
