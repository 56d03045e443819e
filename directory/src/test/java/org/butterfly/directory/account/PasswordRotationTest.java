package org.butterfly.directory.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The key-rotation command's core (docs/adr/0109), on a database of its own: every
 * password moves to the current key in batches and then opens with that key alone; a
 * password of a key the command does not have stops it without changing its batch.
 */
class PasswordRotationTest {

	private static final String OLD_SECRET = "the-old-secret-key-of-at-least-thirty-two-bytes";

	private static final String NEW_SECRET = "the-new-secret-key-of-at-least-thirty-two-bytes";

	private static TestDatabase database;

	@BeforeAll
	static void migrate() {
		database = TestDatabase.create();
		DirectorySchema.migrate(database.dataSource());
	}

	@Test
	void everyPasswordMovesToTheNewKeyAndOpensWithItAlone() throws SQLException {
		PasswordVault old = PasswordVault.of(OLD_SECRET, List.of());
		for (String name : List.of("alice", "bob", "carol")) {
			insert(name + "@rotation.example", old.seal("secret-" + name));
		}
		insert("dave@rotation.example", PasswordVault.of(PasswordVault.DEVELOPMENT_SECRET, List.of()).seal("dev"));
		PasswordRotation rotation = new PasswordRotation(database.dataSource(),
				PasswordVault.withDevelopmentKey(NEW_SECRET, List.of(OLD_SECRET)), 1);
		assertThat(rotation.remaining()).isEqualTo(4);
		assertThat(rotation.run()).as("in batches of one, all of them").isEqualTo(4);
		assertThat(rotation.remaining()).isZero();
		assertThat(rotation.run()).as("nothing left to do").isZero();

		PasswordVault newKeyOnly = PasswordVault.of(NEW_SECRET, List.of());
		assertThat(newKeyOnly.open(sealed("alice@rotation.example"))).isEqualTo("secret-alice");
		assertThat(newKeyOnly.open(sealed("carol@rotation.example"))).isEqualTo("secret-carol");
		assertThat(newKeyOnly.open(sealed("dave@rotation.example"))).as("from the development key").isEqualTo("dev");
	}

	@Test
	void aPasswordOfAnUnknownKeyStopsTheRotationAndChangesNothingOfItsBatch() throws SQLException {
		insert("erin@rotation.example",
				PasswordVault.of("an-unknown-secret-key-of-thirty-two-bytes", List.of()).seal("secret-erin"));
		PasswordVault.Sealed before = sealed("erin@rotation.example");
		PasswordRotation rotation = new PasswordRotation(database.dataSource(),
				PasswordVault.of(NEW_SECRET, List.of(OLD_SECRET)), 1000);
		int remaining = rotation.remaining();
		assertThatIllegalStateException().isThrownBy(rotation::run).withMessageContaining("key");
		assertThat(rotation.remaining()).isEqualTo(remaining);
		assertThat(sealed("erin@rotation.example").ciphertext()).isEqualTo(before.ciphertext());
	}

	private static void insert(String email, PasswordVault.Sealed password) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						insert into account (email, friendly_name, password_key_id, password_ciphertext,
							password_hash, created_at, updated_at)
						values (?, 'x', ?, ?, 'h', now(), now())""")) {
			insert.setString(1, email);
			insert.setString(2, password.keyId());
			insert.setBytes(3, password.ciphertext());
			insert.executeUpdate();
		}
	}

	private static PasswordVault.Sealed sealed(String email) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				PreparedStatement select = connection
					.prepareStatement("select password_key_id, password_ciphertext from account where email = ?")) {
			select.setString(1, email);
			try (ResultSet row = select.executeQuery()) {
				assertThat(row.next()).isTrue();
				return new PasswordVault.Sealed(row.getString(1), row.getBytes(2));
			}
		}
	}

}
