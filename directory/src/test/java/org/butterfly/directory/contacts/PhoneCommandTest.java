package org.butterfly.directory.contacts;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.contacts.ListEffect.PhonesChanged;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.privacy.PhoneView;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PRP} and the {@code BPR} view rule (msnp.md 11.1, 11.2, 18 example 4). */
class PhoneCommandTest extends DirectoryIntegrationTest {

	@Test
	void aWatcherOnTheAllowListSeesEachChangeWithItsOwnVersion() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(bob, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.AL, bob, bob);
		this.lists.setMobileDevice(alice, true);
		long aliceVersion = version(alice);
		long bobVersion = version(bob);

		PropertySet mobile = this.lists.setProperty(alice, "PHM", "1%20(425)%20555-0142");
		PropertySet paging = this.lists.setProperty(alice, "MOB", "Y");
		PropertySet home = this.lists.setProperty(alice, "PHH", null);

		assertThat(mobile).isEqualTo(new PropertySet(aliceVersion + 1, PhoneKey.PHM,
				Optional.of("1%20(425)%20555-0142"), List.of(new PhonesChanged(bob, bobVersion + 1, alice,
						new PhoneView(null, null, "1%20(425)%20555-0142", false), Set.of(PhoneKey.PHM)))));
		assertThat(paging).isEqualTo(new PropertySet(aliceVersion + 2, PhoneKey.MOB, Optional.of("Y"),
				List.of(new PhonesChanged(bob, bobVersion + 2, alice,
						new PhoneView(null, null, "1%20(425)%20555-0142", true), Set.of(PhoneKey.MOB)))));
		// Clearing a number that was never set changes nothing bob sees.
		assertThat(home).isEqualTo(new PropertySet(aliceVersion + 3, PhoneKey.PHH, Optional.empty(), List.of()));
		assertThat(version(bob)).isEqualTo(bobVersion + 2);
		assertThat(this.lists.snapshot(alice).properties())
			.isEqualTo(new PhoneBook(null, null, "1%20(425)%20555-0142", true, true));
	}

	@Test
	void watchersWhoMayNotSeeTheNumbersAreNotTouched() {
		String alice = newAccount("alice");
		String stranger = newAccount("stranger");
		String blocked = newAccount("blocked");
		String allowedButNotWatching = newAccount("allowed");
		this.lists.add(stranger, ListType.FL, alice, alice);
		this.lists.add(blocked, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.BL, blocked, blocked);
		this.lists.add(alice, ListType.AL, allowedButNotWatching, allowedButNotWatching);
		long strangerVersion = version(stranger);
		long blockedVersion = version(blocked);
		long allowedVersion = version(allowedButNotWatching);

		assertThat(this.lists.setProperty(alice, "PHW", "555").effects()).isEmpty();

		assertThat(version(stranger)).isEqualTo(strangerVersion);
		assertThat(version(blocked)).isEqualTo(blockedVersion);
		assertThat(version(allowedButNotWatching)).isEqualTo(allowedVersion);
	}

	@Test
	void mobilePagingIsStoredAsNUnlessYAndADeviceIsRegistered() {
		String alice = newAccount("alice");

		assertThat(this.lists.setProperty(alice, "MOB", "Y").value()).contains("N");
		this.lists.setMobileDevice(alice, true);
		assertThat(this.lists.setProperty(alice, "MOB", "maybe").value()).contains("N");
		assertThat(this.lists.setProperty(alice, "MOB", "Y").value()).contains("Y");
		assertThat(this.lists.setProperty(alice, "MOB", null).value()).contains("N");
	}

	@Test
	void unregisteringTheDeviceTurnsPagingOffForWatchersToo() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(bob, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.AL, bob, bob);
		this.lists.setMobileDevice(alice, true);
		this.lists.setProperty(alice, "MOB", "Y");
		long aliceVersion = version(alice);
		long bobVersion = version(bob);

		ListUpdate unregistered = this.lists.setMobileDevice(alice, false);

		assertThat(unregistered).isEqualTo(new ListUpdate(aliceVersion + 1,
				List.of(new PhonesChanged(bob, bobVersion + 1, alice, PhoneView.HIDDEN, EnumSet.of(PhoneKey.MOB)))));
		assertThat(this.lists.snapshot(alice).properties()).isEqualTo(PhoneBook.EMPTY);
		// The current value again changes nothing.
		assertThat(this.lists.setMobileDevice(alice, false)).isEqualTo(new ListUpdate(aliceVersion + 1, List.of()));
	}

	@Test
	void unknownKeysAndMbeAreRefusedWith715() {
		String alice = newAccount("alice");

		assertRefused(ListError.NOT_EXPECTED, () -> this.lists.setProperty(alice, "XYZ", "1"), alice);
		assertRefused(ListError.NOT_EXPECTED, () -> this.lists.setProperty(alice, "MBE", "Y"), alice);
		assertRefused(ListError.NOT_EXPECTED, () -> this.lists.setProperty(alice, "phh", "1"), alice);
		assertThat(ListError.NOT_EXPECTED.code()).isEqualTo(715);
	}

	@Test
	void overLongKeysAndNumbersCloseTheConnection() {
		String alice = newAccount("alice");

		assertRefused(ListError.PROPERTY_KEY_TOO_LONG, () -> this.lists.setProperty(alice, "PHHX", "1"), alice);
		assertRefused(ListError.PHONE_VALUE_TOO_LONG, () -> this.lists.setProperty(alice, "PHH", "1".repeat(96)),
				alice);
		assertRefused(ListError.MALFORMED_ARGUMENT, () -> this.lists.setProperty(alice, "PHH", "1 2"), alice);
		assertThat(this.lists.setProperty(alice, "PHH", "1".repeat(95)).value()).contains("1".repeat(95));
	}

	@Test
	void allowingAWatcherShowsItTheNumbersOnceAndLosingTheAllowanceHidesThem() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.setProperty(alice, "PHW", "1%20(425)%20555-0199");
		this.lists.add(bob, ListType.FL, alice, alice);
		long bobVersion = version(bob);

		ContactAdded allowed = this.lists.add(alice, ListType.AL, bob, bob);
		assertThat(allowed.effects()).containsExactly(new PhonesChanged(bob, bobVersion + 1, alice,
				new PhoneView(null, "1%20(425)%20555-0199", null, false), Set.of(PhoneKey.PHW)));

		ListUpdate disallowed = this.lists.remove(alice, ListType.AL, bob);
		assertThat(disallowed.effects())
			.containsExactly(new PhonesChanged(bob, bobVersion + 2, alice, PhoneView.HIDDEN, Set.of(PhoneKey.PHW)));

		// Blocking someone who could not see the numbers changes nothing they see.
		ContactAdded blocked = this.lists.add(alice, ListType.BL, bob, bob);
		assertThat(blocked.effects()).noneMatch(PhonesChanged.class::isInstance);
		assertThat(version(bob)).isEqualTo(bobVersion + 2);
		assertThat(this.lists.snapshot(bob).forwardList().get(0).phones()).isEqualTo(PhoneView.HIDDEN);
	}

}
