package org.butterfly.directory.account;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** AES-GCM encryption of passwords with key ids for rotation. */
class PasswordVaultTest {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void sealedPasswordsOpenAgainAndDifferEachTime() {
		PasswordVault vault = PasswordVault.of(KEY, List.of());

		PasswordVault.Sealed first = vault.seal("pässword");
		PasswordVault.Sealed second = vault.seal("pässword");

		assertThat(vault.open(first)).isEqualTo("pässword");
		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
		assertThat(first.keyId()).isEqualTo(vault.currentKeyId()).hasSize(16);
	}

	@Test
	void theKeyIdIsAStableFingerprintOfTheSecret() {
		assertThat(PasswordVault.of(KEY, List.of()).currentKeyId())
			.isEqualTo(PasswordVault.of(KEY, List.of()).currentKeyId())
			.isNotEqualTo(PasswordVault.of("a passphrase", List.of()).currentKeyId());
	}

	@Test
	void rotatedKeysStillOpenOldPasswords() {
		PasswordVault old = PasswordVault.of("old passphrase", List.of());
		PasswordVault.Sealed sealed = old.seal("secret");
		PasswordVault rotated = PasswordVault.of(KEY, List.of("old passphrase"));

		assertThat(rotated.open(sealed)).isEqualTo("secret");
		assertThat(rotated.seal("secret").keyId()).isNotEqualTo(sealed.keyId());
		assertThatIllegalStateException().isThrownBy(() -> PasswordVault.of(KEY, List.of()).open(sealed));
	}

	@Test
	void alteredCiphertextIsRejected() {
		PasswordVault vault = PasswordVault.of(KEY, List.of());
		PasswordVault.Sealed sealed = vault.seal("secret");
		sealed.ciphertext()[sealed.ciphertext().length - 1] ^= 1;

		assertThatIllegalStateException().isThrownBy(() -> vault.open(sealed));
		assertThatIllegalArgumentException().isThrownBy(() -> PasswordVault.of(" ", List.of()));
	}

}
