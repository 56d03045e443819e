package org.butterfly.directory.privacy;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.contacts.PhoneKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The privacy predicate and the phone view rule, exhaustively. */
class PrivacyTest {

	private static final PhoneBook NUMBERS = new PhoneBook("1", "2", "3", true, true);

	@Test
	void allowedByIsNotBlockedAndEitherAllowedOrBlpAl() {
		assertThat(Privacy.allowedBy(Blp.AL, new Standing(false, false))).isTrue();
		assertThat(Privacy.allowedBy(Blp.BL, new Standing(false, false))).isFalse();
		assertThat(Privacy.allowedBy(Blp.AL, new Standing(true, false))).isTrue();
		assertThat(Privacy.allowedBy(Blp.BL, new Standing(true, false))).isTrue();
		assertThat(Privacy.allowedBy(Blp.AL, new Standing(false, true))).isFalse();
		assertThat(Privacy.allowedBy(Blp.BL, new Standing(false, true))).isFalse();
		assertThat(Privacy.allowedBy(Blp.AL, new Standing(true, true))).isFalse();
		assertThat(Privacy.allowedBy(Blp.BL, new Standing(true, true))).isFalse();
	}

	@Test
	void phonesAreSeenOnlyFromTheAllowListAndNeverFromTheBlockList() {
		assertThat(Privacy.phonesSeenBy(NUMBERS, new Standing(true, false)))
			.isEqualTo(new PhoneView("1", "2", "3", true));
		assertThat(Privacy.phonesSeenBy(NUMBERS, new Standing(false, false))).isEqualTo(PhoneView.HIDDEN);
		assertThat(Privacy.phonesSeenBy(NUMBERS, new Standing(false, true))).isEqualTo(PhoneView.HIDDEN);
		assertThat(Privacy.phonesSeenBy(NUMBERS, new Standing(true, true))).isEqualTo(PhoneView.HIDDEN);
	}

	@Test
	void aViewListsTheKeysThatChanged() {
		PhoneView view = new PhoneView("1", null, "3", true);

		assertThat(view.changedSince(view)).isEmpty();
		assertThat(view.changedSince(PhoneView.HIDDEN)).isEqualTo(EnumSet.of(PhoneKey.PHH, PhoneKey.PHM, PhoneKey.MOB));
		assertThat(view.value(PhoneKey.MOB)).isEqualTo("Y");
		assertThat(PhoneView.HIDDEN.value(PhoneKey.MOB)).isEqualTo("N");
		assertThat(view.value(PhoneKey.PHW)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> view.value(PhoneKey.MBE));
	}

}
