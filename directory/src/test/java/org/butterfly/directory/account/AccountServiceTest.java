package org.butterfly.directory.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.contacts.Gtc;
import org.butterfly.directory.contacts.ListEffect.EntryRemoved;
import org.butterfly.directory.contacts.ListEffect.PresenceCheck;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.contacts.SynSnapshot;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Account administration and password checks. */
class AccountServiceTest extends DirectoryIntegrationTest {

	@Test
	void aNewAccountStartsWithTheSpecsDefaults() {
		Account created = this.accounts.create(NewAccount.of("New.User-1@Example.COM", "pw"));

		assertThat(created.email()).isEqualTo("new.user-1@example.com");
		assertThat(created.friendlyName()).isEqualTo("new.user-1%40example.com");
		assertThat(created.listVersion()).isZero();
		assertThat(created.blp()).isEqualTo(Blp.AL);
		assertThat(created.gtc()).isEqualTo(Gtc.A);
		assertThat(created.phones()).isEqualTo(PhoneBook.EMPTY);
		assertThat(created.profile()).isEqualTo(Profile.DEFAULT);
		assertThat(created.profile().lcid()).isEqualTo(1033);
		assertThat(created.puid()).isEqualTo(new Puid(0, created.id()));
		assertThat(created.createdAt()).isEqualTo(this.clock.instant());
		assertThat(this.accounts.find("NEW.USER-1@example.com")).contains(created);
		assertThat(this.accounts.find(created.id())).contains(created);
	}

	@Test
	void thePuidSplitsTheIdIntoTwo32BitHalves() {
		assertThat(Puid.of(1234567)).isEqualTo(new Puid(0, 1234567));
		assertThat(Puid.of(1234567).pid()).isEqualTo("0x00000000:0x0012d687");
		assertThat(Puid.of((5L << 32) | 7)).isEqualTo(new Puid(5, 7));
	}

	@Test
	void manyAccountsAreFoundAtOnceInTheOrderAskedAndMissingOnesLeftOut() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		List<String> asked = new ArrayList<>(List.of(bob.toUpperCase(), "ghost@example.com", alice));
		for (int i = 0; i < 1500; i++) {
			// more than one query's worth of addresses
			asked.add("nobody-" + i + "@example.com");
		}

		Map<String, Account> found = this.accounts.findAll(asked);

		assertThat(found.keySet()).containsExactly(bob, alice);
		assertThat(found.get(alice)).isEqualTo(this.accounts.find(alice).orElseThrow());
		assertThat(this.accounts.findAll(List.of())).isEmpty();
	}

	@Test
	void anAddressCanBeTakenOnceInAnyCase() {
		String alice = newAccount("alice");

		assertThatExceptionOfType(AccountExistsException.class)
			.isThrownBy(() -> this.accounts.create(NewAccount.of(alice.toUpperCase(), "other")))
			.satisfies((ex) -> assertThat(ex.email()).isEqualTo(alice));
	}

	@Test
	void badInputIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.accounts.create(NewAccount.of("a@b", "pw")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.accounts.create(NewAccount.of("ok@example.com", "")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.accounts.create(NewAccount.of("ok@example.com", "p".repeat(73))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.accounts.create(new NewAccount("ok@example.com", "pw", "two words", null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Profile(null, null, null, null, null, false, 1033, "USA", null, null, false, true));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Profile(null, null, null, null, null, false, 1033, null, null, "X", false, true));
		assertThat(this.accounts.find("ok@example.com")).isEmpty();
	}

	@Test
	void passwordsAreEncryptedAtRestAndHashed() {
		String alice = newAccount("alice");

		AccountEntity stored = this.transactions.read(() -> this.accountRepository.findByEmail(alice).orElseThrow());
		byte[] plain = "secret-alice".getBytes(StandardCharsets.UTF_8);
		assertThat(new String(stored.getPasswordCiphertext(), StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(plain, StandardCharsets.ISO_8859_1));
		assertThat(stored.getPasswordKeyId()).hasSize(16);
		assertThat(stored.getPasswordHash()).startsWith("$2a$04$");
		assertThat(this.accounts.verifyPassword(alice, "secret-alice")).isTrue();
		assertThat(this.accounts.verifyPassword(alice, "wrong")).isFalse();
		assertThat(this.accounts.verifyPassword("ghost@example.com", "secret-alice")).isFalse();
	}

	@Test
	void theMd5ResponseIsCheckedAgainstTheDecryptedPassword() {
		// msnp.md 5.3 test vector.
		this.accounts.create(NewAccount.of("md5-vector@example.com", "password"));
		String salt = "1234567890.123456789";

		assertThat(this.accounts.verifyMd5("md5-vector@example.com", salt, "f59af8f2fa91d38aff7c870c17f99903"))
			.isTrue();
		assertThat(this.accounts.verifyMd5("MD5-Vector@example.com", salt, "F59AF8F2FA91D38AFF7C870C17F99903"))
			.isTrue();
		assertThat(this.accounts.verifyMd5("md5-vector@example.com", salt, "f59af8f2fa91d38aff7c870c17f99904"))
			.isFalse();
		assertThat(this.accounts.verifyMd5("md5-vector@example.com", "other", "f59af8f2fa91d38aff7c870c17f99903"))
			.isFalse();
		assertThat(this.accounts.verifyMd5("md5-vector@example.com", salt, "")).isFalse();
		assertThat(this.accounts.verifyMd5("ghost@example.com", salt, "f59af8f2fa91d38aff7c870c17f99903")).isFalse();
	}

	@Test
	void searchPagesThroughAddressesContainingAFragment() {
		List<String> handles = List.of(newAccount("pager-zz"), newAccount("pager-aa"), newAccount("pager-mm"));
		newAccount("other");

		AccountPage first = this.accounts.search("PAGER-", 0, 2);
		AccountPage second = this.accounts.search("pager-", 1, 2);

		assertThat(first.total()).isEqualTo(3);
		assertThat(first.accounts()).extracting(Account::email).containsExactly(handles.get(1), handles.get(2));
		assertThat(second.accounts()).extracting(Account::email).containsExactly(handles.get(0));
		assertThat(this.accounts.search("%", 0, 10).accounts()).isEmpty();
	}

	@Test
	void anUpdateMovesTheVersionOnceForNameBlpAndGtcTogether() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		this.lists.add(bob, ListType.FL, alice, alice);
		long version = version(alice);

		AccountUpdated updated = this.accounts.update(alice,
				AccountUpdate.NONE.withFriendlyName("Alice").withBlp(Blp.BL).withGtc(Gtc.N));

		assertThat(updated.versionChanged()).isTrue();
		assertThat(updated.account().listVersion()).isEqualTo(version + 1);
		assertThat(updated.account().friendlyName()).isEqualTo("Alice");
		assertThat(updated.effects()).containsExactly(new PresenceCheck(bob, alice, false));
	}

	@Test
	void passwordAndProfileChangesDoNotMoveTheVersion() {
		String alice = newAccount("alice");
		long version = version(alice);
		Profile profile = new Profile("Alice", "Liddell", "Oxford", null, "UK", true, 2057, "GB", "OX1", "F", true,
				true);

		AccountUpdated updated = this.accounts.update(alice,
				AccountUpdate.NONE.withPassword("new-password").withProfile(profile).withBlp(Blp.AL));

		assertThat(updated.versionChanged()).isFalse();
		assertThat(updated.effects()).isEmpty();
		assertThat(updated.account().listVersion()).isEqualTo(version);
		assertThat(updated.account().profile()).isEqualTo(profile);
		assertThat(this.accounts.verifyPassword(alice, "new-password")).isTrue();
		assertThat(this.accounts.verifyMd5(alice, "s", md5("s" + "new-password"))).isTrue();
		assertThatExceptionOfType(AccountNotFoundException.class)
			.isThrownBy(() -> this.accounts.update("ghost@example.com", AccountUpdate.NONE));
	}

	@Test
	void deletingAnAccountRemovesItFromEveryoneAndTellsThem() {
		String doomed = newAccount("doomed");
		String fan = newAccount("fan");
		String friend = newAccount("friend");
		String blocker = newAccount("blocker");
		this.lists.add(fan, ListType.FL, doomed, doomed);
		this.lists.add(fan, ListType.AL, doomed, doomed);
		this.lists.add(doomed, ListType.FL, friend, friend);
		this.lists.add(blocker, ListType.BL, doomed, doomed);
		this.notifications.enqueue(doomed, "<NOTIFICATION/>");
		long fanVersion = version(fan);
		long friendVersion = version(friend);
		long blockerVersion = version(blocker);

		AccountDeleted deleted = this.accounts.delete(doomed.toUpperCase());

		assertThat(deleted.email()).isEqualTo(doomed);
		assertThat(deleted.effects()).containsExactlyInAnyOrder(
				new EntryRemoved(fan, ListType.FL, fanVersion + 1, doomed),
				new EntryRemoved(fan, ListType.AL, fanVersion + 1, doomed),
				new EntryRemoved(friend, ListType.RL, friendVersion + 1, doomed),
				new EntryRemoved(blocker, ListType.BL, blockerVersion + 1, doomed));
		assertThat(version(fan)).isEqualTo(fanVersion + 1);
		assertThat(version(friend)).isEqualTo(friendVersion + 1);
		assertThat(version(blocker)).isEqualTo(blockerVersion + 1);
		assertThat(this.accounts.find(doomed)).isEmpty();
		SynSnapshot fans = this.lists.snapshot(fan);
		assertThat(fans.forwardList()).isEmpty();
		assertThat(fans.allowList()).isEmpty();
		assertThat(this.lists.snapshot(friend).reverseList()).isEmpty();
		assertThat(this.lists.snapshot(blocker).blockList()).isEmpty();
		assertThat(this.notifications.pendingFor(doomed)).isEmpty();
		assertThatExceptionOfType(AccountNotFoundException.class).isThrownBy(() -> this.accounts.delete(doomed));
		// The address is free again.
		assertThat(this.accounts.create(NewAccount.of(doomed, "again")).listVersion()).isZero();
	}

	private static String md5(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(
						java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
