package org.butterfly.directory.contacts;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.contacts.ContactAdded.NewContact;
import org.butterfly.directory.contacts.ListEffect.EntryAdded;
import org.butterfly.directory.contacts.ListEffect.PresenceCheck;
import org.butterfly.directory.privacy.PhoneView;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ADD} (msnp.md 9.1, 10.6): effects, versions, and every refusal in the spec's
 * order.
 */
class AddCommandTest extends DirectoryIntegrationTest {

	@Test
	void addingToTheForwardListMirrorsTheReverseListAndMovesBothVersionsOnce() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.rename(alice, alice, "Alice%20A.");
		long aliceVersion = version(alice);
		long carolVersion = version(carol);

		ContactAdded added = this.lists.add(alice, ListType.FL, carol, carol);

		assertThat(added.version()).isEqualTo(aliceVersion + 1);
		assertThat(version(alice)).isEqualTo(aliceVersion + 1);
		assertThat(version(carol)).isEqualTo(carolVersion + 1);
		assertThat(added.effects())
			.containsExactly(new EntryAdded(carol, ListType.RL, carolVersion + 1, alice, "Alice%20A."));
		assertThat(added.newContact()).contains(new NewContact(PhoneView.HIDDEN, true));
		SynSnapshot alices = this.lists.snapshot(alice);
		assertThat(alices.forwardList())
			.containsExactly(new SynSnapshot.ForwardEntry(carol, carol, List.of(0), PhoneView.HIDDEN));
		assertThat(this.lists.snapshot(carol).reverseList())
			.containsExactly(new SynSnapshot.Entry(alice, "Alice%20A."));
	}

	@Test
	void theReverseListKeepsTheAddersNameFromTheMomentOfTheAdd() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(alice, ListType.FL, carol, carol);
		this.lists.rename(alice, alice, "Later%20Name");

		assertThat(this.lists.snapshot(carol).reverseList()).extracting(SynSnapshot.Entry::name)
			.containsExactly(alice.replace("@", "%40"));
	}

	@Test
	void handlesAreLowerCasedAndNamesStoredVerbatim() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");

		this.lists.add(alice.toUpperCase(), ListType.FL, carol.toUpperCase(), "Carol%20%28work%29+x");

		assertThat(this.lists.snapshot(alice).forwardList())
			.extracting(SynSnapshot.ForwardEntry::handle, SynSnapshot.ForwardEntry::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(carol, "Carol%20%28work%29+x"));
	}

	@Test
	void allowingSomeoneWithoutNumbersTellsThemNothing() {
		// msnp.md 18 example 2: carol allows alice; carol has no numbers and MOB N, so
		// alice sees no change.
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(alice, ListType.FL, carol, carol);
		long aliceVersion = version(alice);

		ContactAdded allowed = this.lists.add(carol, ListType.AL, alice, "Alice%20A.");

		assertThat(allowed.effects()).isEmpty();
		assertThat(allowed.newContact()).isEmpty();
		assertThat(version(alice)).isEqualTo(aliceVersion);
		assertThat(this.lists.snapshot(carol).allowList()).containsExactly(new SynSnapshot.Entry(alice, "Alice%20A."));
	}

	@Test
	void blockingAWatcherAsksToReevaluateItsPresence() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(bob, ListType.FL, alice, alice);
		long bobVersion = version(bob);

		ContactAdded blocked = this.lists.add(alice, ListType.BL, bob, "Bob%20B.");

		assertThat(blocked.effects()).containsExactly(new PresenceCheck(bob, alice, false));
		assertThat(version(bob)).isEqualTo(bobVersion);
	}

	@Test
	void blockingSomeoneWhoDoesNotWatchProducesNoEffect() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");

		assertThat(this.lists.add(alice, ListType.BL, bob, bob).effects()).isEmpty();
	}

	@Test
	void allowingUnderBlpBlAsksToReevaluatePresence() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(bob, ListType.FL, alice, alice);
		this.lists.setPrivacyMode(alice, org.butterfly.directory.privacy.Blp.BL);

		assertThat(this.lists.add(alice, ListType.AL, bob, bob).effects())
			.containsExactly(new PresenceCheck(bob, alice, true));
	}

	@Test
	void theNewContactsPhonesAreShownWhenTheContactAllowsTheAdder() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.setProperty(carol, "PHH", "1%20(222)%203333");
		this.lists.add(carol, ListType.AL, alice, alice);

		ContactAdded added = this.lists.add(alice, ListType.FL, carol, carol);

		assertThat(added.newContact())
			.contains(new NewContact(new PhoneView("1%20(222)%203333", null, null, false), true));
	}

	@Test
	void theNewContactsPhonesAreBlankWhenTheContactHasNotAllowedTheAdder() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.setProperty(carol, "PHH", "1%20(222)%203333");
		this.lists.setPrivacyMode(carol, org.butterfly.directory.privacy.Blp.BL);

		ContactAdded added = this.lists.add(alice, ListType.FL, carol, carol);

		assertThat(added.newContact()).contains(new NewContact(PhoneView.HIDDEN, false));
	}

	@Test
	void addingAnExistingForwardContactToAnotherGroupOnlyChangesTheMembership() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(alice, ListType.FL, carol, carol);
		int friends = this.lists.addGroup(alice, "Friends").groupId();
		long aliceVersion = version(alice);
		long carolVersion = version(carol);

		ContactAdded added = this.lists.add(alice, ListType.FL, carol, "ignored", friends);

		assertThat(added.version()).isEqualTo(aliceVersion + 1);
		assertThat(added.effects()).isEmpty();
		assertThat(added.newContact()).isEmpty();
		assertThat(version(carol)).isEqualTo(carolVersion);
		assertThat(this.lists.snapshot(alice).forwardList())
			.containsExactly(new SynSnapshot.ForwardEntry(carol, carol, List.of(0, friends), PhoneView.HIDDEN));
	}

	@Test
	void aNewForwardContactWithAGroupIsOnlyInThatGroup() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		int friends = this.lists.addGroup(alice, "Friends").groupId();

		this.lists.add(alice, ListType.FL, carol, carol, friends);

		assertThat(this.lists.snapshot(alice).forwardList().get(0).groups()).containsExactly(friends);
	}

	@Test
	void addingOneselfIsAllowedOnTheAllowListButNotTheForwardList() {
		String alice = newAccount("alice");

		assertRefused(ListError.INVALID_PARAMETER, () -> this.lists.add(alice, ListType.FL, alice, alice), alice);
		assertThat(this.lists.add(alice, ListType.AL, alice, alice).effects()).isEmpty();
	}

	@Test
	void protocolViolationsCloseTheConnection() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");

		assertRefused(ListError.READ_ONLY_LIST, () -> this.lists.add(alice, ListType.RL, bob, bob), alice, bob);
		assertRefused(ListError.NAME_TOO_LONG, () -> this.lists.add(alice, ListType.FL, bob, "n".repeat(388)), alice,
				bob);
		assertRefused(ListError.MALFORMED_ARGUMENT, () -> this.lists.add(alice, ListType.FL, bob, "two words"), alice,
				bob);
		assertRefused(ListError.MALFORMED_ARGUMENT, () -> this.lists.add(alice, ListType.AL, bob, bob, 0), alice, bob);
		assertThatExceptionOfType(ListException.class).isThrownBy(() -> ListType.fromToken("XL"))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(ListError.UNKNOWN_LIST));
		for (ListError violation : List.of(ListError.READ_ONLY_LIST, ListError.NAME_TOO_LONG, ListError.UNKNOWN_LIST,
				ListError.MALFORMED_ARGUMENT)) {
			assertThat(violation.closesConnection()).isTrue();
			assertThat(violation.code()).isZero();
		}
		assertThat(this.lists.add(alice, ListType.FL, bob, "n".repeat(387)).version()).isPositive();
	}

	@Test
	void malformedHandlesAreRefusedWith201() {
		String alice = newAccount("alice");

		assertRefused(ListError.INVALID_PARAMETER, () -> this.lists.add(alice, ListType.FL, "a@b", "a@b"), alice);
		assertRefused(ListError.INVALID_PARAMETER, () -> this.lists.add(alice, ListType.FL, "nobody", "x"), alice);
		String tooLong = "x".repeat(118) + "@example.com";
		assertThat(tooLong).hasSize(130);
		assertRefused(ListError.INVALID_PARAMETER, () -> this.lists.add(alice, ListType.AL, tooLong, "x"), alice);
		assertThat(ListError.INVALID_PARAMETER.code()).isEqualTo(201);
		assertThat(ListError.INVALID_PARAMETER.closesConnection()).isFalse();
	}

	@Test
	void unknownAccountsAreRefusedWith205() {
		String alice = newAccount("alice");

		assertRefused(ListError.NO_SUCH_USER,
				() -> this.lists.add(alice, ListType.FL, "nobody@hotmail.com", "nobody@hotmail.com"), alice);
		assertThat(ListError.NO_SUCH_USER.code()).isEqualTo(205);
	}

	@Test
	void unknownGroupsAreRefusedWith224() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");

		assertRefused(ListError.NO_SUCH_GROUP, () -> this.lists.add(alice, ListType.FL, bob, bob, 9), alice, bob);
		assertRefused(ListError.NO_SUCH_GROUP, () -> this.lists.add(alice, ListType.FL, bob, bob, 99), alice, bob);
		assertThat(ListError.NO_SUCH_GROUP.code()).isEqualTo(224);
	}

	@Test
	void entriesAlreadyThereAreRefusedWith215() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(alice, ListType.FL, bob, bob);
		this.lists.add(alice, ListType.AL, bob, bob);

		assertRefused(ListError.ALREADY_THERE, () -> this.lists.add(alice, ListType.FL, bob, "Bob%20B."), alice, bob);
		assertRefused(ListError.ALREADY_THERE, () -> this.lists.add(alice, ListType.AL, bob, bob), alice, bob);
		assertRefused(ListError.ALREADY_THERE, () -> this.lists.add(alice, ListType.FL, bob, bob, 0), alice, bob);
		assertThat(ListError.ALREADY_THERE.code()).isEqualTo(215);
	}

	@Test
	void theOppositeListIsRefusedWith219() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		String carol = newAccount("carol");
		this.lists.add(alice, ListType.AL, bob, bob);
		this.lists.add(alice, ListType.BL, carol, carol);

		assertRefused(ListError.ON_OPPOSITE_LIST, () -> this.lists.add(alice, ListType.BL, bob, bob), alice, bob);
		assertRefused(ListError.ON_OPPOSITE_LIST, () -> this.lists.add(alice, ListType.AL, carol, carol), alice, carol);
		assertThat(ListError.ON_OPPOSITE_LIST.code()).isEqualTo(219);
	}

	@Test
	void fullListsAreRefusedWith210() {
		ListService small = smallLists(2, 1, 1);
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		String carol = newAccount("carol");
		String dave = newAccount("dave");
		small.add(alice, ListType.FL, bob, bob);
		small.add(alice, ListType.FL, carol, carol);
		small.add(alice, ListType.AL, bob, bob);
		small.add(alice, ListType.BL, carol, carol);

		assertRefused(ListError.LIST_FULL, () -> small.add(alice, ListType.FL, dave, dave), alice, dave);
		assertRefused(ListError.LIST_FULL, () -> small.add(alice, ListType.AL, dave, dave), alice, dave);
		assertRefused(ListError.LIST_FULL, () -> small.add(alice, ListType.BL, dave, dave), alice, dave);
		assertThat(ListError.LIST_FULL.code()).isEqualTo(210);
		// A group-only change does not grow the list.
		int friends = small.addGroup(alice, "Friends").groupId();
		assertThat(small.add(alice, ListType.FL, bob, bob, friends).newContact()).isEmpty();
	}

	@Test
	void refusalsFollowTheSpecsOrder() {
		ListService small = smallLists(1, 1, 1);
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		String carol = newAccount("carol");
		small.add(alice, ListType.FL, bob, bob);
		small.add(alice, ListType.AL, bob, bob);
		small.add(alice, ListType.BL, carol, carol);

		// 1. close before anything else
		assertRefused(ListError.READ_ONLY_LIST, () -> small.add(alice, ListType.RL, "a@b", "n".repeat(400)), alice);
		assertRefused(ListError.NAME_TOO_LONG, () -> small.add(alice, ListType.FL, "a@b", "n".repeat(400)), alice);
		// 2. 201 before 205 and 224
		assertRefused(ListError.INVALID_PARAMETER, () -> small.add(alice, ListType.FL, "a@b", "a@b", 7), alice);
		// 3. 205 before 224
		assertRefused(ListError.NO_SUCH_USER, () -> small.add(alice, ListType.FL, "nobody@example.com", "x", 7), alice);
		// 4. 224 before 215
		assertRefused(ListError.NO_SUCH_GROUP, () -> small.add(alice, ListType.FL, bob, bob, 7), alice);
		// 5. 215 before 219 and 210
		assertRefused(ListError.ALREADY_THERE, () -> small.add(alice, ListType.AL, bob, bob), alice);
		// 6. 219 before 210
		assertRefused(ListError.ON_OPPOSITE_LIST, () -> small.add(alice, ListType.AL, carol, carol), alice);
		// 7. 210 last
		assertRefused(ListError.LIST_FULL, () -> small.add(alice, ListType.FL, carol, carol), alice);
	}

	@Test
	void anUnknownActorIsNotAListError() {
		String bob = newAccount("bob");

		assertThatExceptionOfType(AccountNotFoundException.class)
			.isThrownBy(() -> this.lists.add("ghost@example.com", ListType.FL, bob, bob));
	}

	private ListService smallLists(int forward, int allow, int block) {
		return new ListService(this.accountRepository, this.contactRepository, this.groupRepository, this.transactions,
				new ListRules(forward, allow, block, 30, List.of()), Clock.systemUTC());
	}

}
