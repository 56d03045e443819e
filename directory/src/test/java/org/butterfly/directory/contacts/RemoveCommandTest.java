package org.butterfly.directory.contacts;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.contacts.ListEffect.EntryRemoved;
import org.butterfly.directory.contacts.ListEffect.PresenceCheck;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneView;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code REM} (msnp.md 9.2, 10.6). */
class RemoveCommandTest extends DirectoryIntegrationTest {

	@Test
	void removingFromTheForwardListRemovesTheReverseEntryAndMovesBothVersionsOnce() {
		String bob = newAccount("bob");
		String alice = newAccount("alice");
		this.lists.add(bob, ListType.FL, alice, alice);
		long bobVersion = version(bob);
		long aliceVersion = version(alice);

		ListUpdate removed = this.lists.remove(bob, ListType.FL, alice);

		assertThat(removed.version()).isEqualTo(bobVersion + 1);
		assertThat(removed.effects()).containsExactly(new EntryRemoved(alice, ListType.RL, aliceVersion + 1, bob));
		assertThat(version(alice)).isEqualTo(aliceVersion + 1);
		assertThat(this.lists.snapshot(bob).forwardList()).isEmpty();
		assertThat(this.lists.snapshot(alice).reverseList()).isEmpty();
	}

	@Test
	void removingFromTheAllowListUnderBlpBlAsksToReevaluatePresence() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(bob, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.AL, bob, bob);
		this.lists.setPrivacyMode(alice, Blp.BL);

		ListUpdate removed = this.lists.remove(alice, ListType.AL, bob);

		assertThat(removed.effects()).containsExactly(new PresenceCheck(bob, alice, false));
	}

	@Test
	void unblockingAWatcherAsksToReevaluatePresence() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(bob, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.BL, bob, bob);

		assertThat(this.lists.remove(alice, ListType.BL, bob).effects())
			.containsExactly(new PresenceCheck(bob, alice, true));
	}

	@Test
	void removingAGroupMembershipKeepsTheContact() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		int friends = this.lists.addGroup(alice, "Friends").groupId();
		this.lists.add(alice, ListType.FL, carol, carol);
		this.lists.add(alice, ListType.FL, carol, carol, friends);
		long aliceVersion = version(alice);
		long carolVersion = version(carol);

		ListUpdate removed = this.lists.remove(alice, ListType.FL, carol, 0);

		assertThat(removed.version()).isEqualTo(aliceVersion + 1);
		assertThat(removed.effects()).isEmpty();
		assertThat(version(carol)).isEqualTo(carolVersion);
		assertThat(this.lists.snapshot(alice).forwardList())
			.containsExactly(new SynSnapshot.ForwardEntry(carol, carol, List.of(friends), PhoneView.HIDDEN));
		assertThat(this.lists.snapshot(carol).reverseList()).extracting(SynSnapshot.Entry::handle)
			.containsExactly(alice);
	}

	@Test
	void removingTheLastGroupLeavesTheContactInGroupZero() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		int friends = this.lists.addGroup(alice, "Friends").groupId();
		this.lists.add(alice, ListType.FL, carol, carol, friends);

		this.lists.remove(alice, ListType.FL, carol, friends);

		assertThat(this.lists.snapshot(alice).forwardList().get(0).groups()).containsExactly(0);
	}

	@Test
	void aPlainRemoveDropsEveryGroup() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		int friends = this.lists.addGroup(alice, "Friends").groupId();
		this.lists.add(alice, ListType.FL, carol, carol);
		this.lists.add(alice, ListType.FL, carol, carol, friends);

		this.lists.remove(alice, ListType.FL, carol);
		this.lists.add(alice, ListType.FL, carol, carol);

		assertThat(this.lists.snapshot(alice).forwardList().get(0).groups()).containsExactly(0);
	}

	@Test
	void missingEntriesAreRefusedWith216() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(alice, ListType.FL, carol, carol);

		assertRefused(ListError.NOT_ON_LIST, () -> this.lists.remove(alice, ListType.BL, carol), alice, carol);
		assertRefused(ListError.NOT_ON_LIST, () -> this.lists.remove(alice, ListType.AL, "nobody@example.com"), alice);
		assertRefused(ListError.NOT_ON_LIST, () -> this.lists.remove(alice, ListType.FL, "a@b"), alice);
		assertThat(ListError.NOT_ON_LIST.code()).isEqualTo(216);
	}

	@Test
	void groupRefusalsComeInOrder224Then216Then225() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		String dave = newAccount("dave");
		int friends = this.lists.addGroup(alice, "Friends").groupId();
		this.lists.add(alice, ListType.FL, carol, carol);

		assertRefused(ListError.NO_SUCH_GROUP, () -> this.lists.remove(alice, ListType.FL, dave, 9), alice);
		assertRefused(ListError.NOT_ON_LIST, () -> this.lists.remove(alice, ListType.FL, dave, friends), alice);
		assertRefused(ListError.NOT_IN_GROUP, () -> this.lists.remove(alice, ListType.FL, carol, friends), alice,
				carol);
		assertThat(ListError.NOT_IN_GROUP.code()).isEqualTo(225);
	}

	@Test
	void protocolViolationsCloseTheConnection() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(carol, ListType.FL, alice, alice);

		assertRefused(ListError.READ_ONLY_LIST, () -> this.lists.remove(alice, ListType.RL, carol), alice, carol);
		assertRefused(ListError.MALFORMED_ARGUMENT, () -> this.lists.remove(alice, ListType.BL, carol, 0), alice);
	}

}
