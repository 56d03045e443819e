package org.butterfly.directory.account;

import java.util.List;

import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.support.DirectoryIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The key-rotation command's core (docs/adr/0109): every password moves to the current
 * key, in batches, and then opens with that key alone. The test context seals with the
 * development secret; each test leaves every password sealed with it again.
 */
class PasswordRotationTest extends DirectoryIntegrationTest {

	private static final String NEW_SECRET = "a-new-secret-key-of-at-least-thirty-two-bytes";

	@Test
	void everyPasswordMovesToTheNewKeyAndOpensWithItAlone() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		PasswordRotation rotation = new PasswordRotation(database.dataSource(),
				PasswordVault.withDevelopmentKey(NEW_SECRET, List.of()), 1);
		try {
			int before = rotation.remaining();
			assertThat(before).isGreaterThanOrEqualTo(2);
			assertThat(rotation.run()).as("one batch of one at a time, all of them").isEqualTo(before);
			assertThat(rotation.remaining()).isZero();
			assertThat(rotation.run()).as("nothing left to do").isZero();

			PasswordVault newKeyOnly = PasswordVault.of(NEW_SECRET, List.of());
			assertThat(newKeyOnly.open(sealed(alice))).isEqualTo("secret-alice");
			assertThat(newKeyOnly.open(sealed(bob))).isEqualTo("secret-bob");
			assertThat(sealed(alice).keyId()).isEqualTo(newKeyOnly.currentKeyId());
		}
		finally {
			new PasswordRotation(database.dataSource(),
					PasswordVault.of(PasswordVault.DEVELOPMENT_SECRET, List.of(NEW_SECRET)), 100)
				.run();
		}
		assertThat(this.accounts.verifyPassword(alice, "secret-alice")).isTrue();
		assertThat(sealed(alice).keyId())
			.isEqualTo(PasswordVault.of(PasswordVault.DEVELOPMENT_SECRET, List.of()).currentKeyId());
	}

	@Test
	void aPasswordOfAnUnknownKeyStopsTheRotationAndChangesNothingOfItsBatch() {
		String alice = newAccount("alice");
		PasswordVault.Sealed before = sealed(alice);
		PasswordRotation withoutTheOldKey = new PasswordRotation(database.dataSource(),
				PasswordVault.of(NEW_SECRET, List.of()), 1000);
		int remaining = withoutTheOldKey.remaining();
		assertThatIllegalStateException().isThrownBy(withoutTheOldKey::run).withMessageContaining("key");
		assertThat(withoutTheOldKey.remaining()).isEqualTo(remaining);
		assertThat(sealed(alice).ciphertext()).isEqualTo(before.ciphertext());
	}

	private PasswordVault.Sealed sealed(String email) {
		AccountEntity account = this.transactions.read(() -> this.accountRepository.findByEmail(email).orElseThrow());
		return new PasswordVault.Sealed(account.getPasswordKeyId(), account.getPasswordCiphertext());
	}

}
