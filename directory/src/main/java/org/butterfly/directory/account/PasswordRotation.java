package org.butterfly.directory.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Re-encrypts every stored password with the vault's current key (the key-rotation
 * command, docs/adr/0109): after a new {@code BUTTERFLY_SECRET_KEY} is deployed with the
 * old one among the previous keys, this moves every password still sealed with an old key
 * to the new one, so the old key can then be dropped.
 * <p>
 * Works in batches, each in its own short transaction that locks only its rows
 * ({@code FOR UPDATE SKIP LOCKED}): servers keep running, a password changed meanwhile is
 * sealed with the current key anyway, and two rotations at once share the work. Plain
 * JDBC, so that a one-shot command needs no application context. The plaintext exists
 * only in memory, one batch at a time, and is never logged.
 */
public final class PasswordRotation {

	private static final String SELECT = "SELECT id, password_key_id, password_ciphertext FROM account"
			+ " WHERE password_key_id <> ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

	private static final String UPDATE = "UPDATE account SET password_key_id = ?, password_ciphertext = ?"
			+ " WHERE id = ?";

	private final DataSource dataSource;

	private final PasswordVault vault;

	private final int batchSize;

	/**
	 * @param dataSource the directory's database
	 * @param vault the current key and every previous key still in use
	 * @param batchSize passwords per transaction
	 */
	public PasswordRotation(DataSource dataSource, PasswordVault vault, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("the batch size must be positive");
		}
		this.dataSource = dataSource;
		this.vault = vault;
		this.batchSize = batchSize;
	}

	/**
	 * Re-encrypts until no password is sealed with an old key.
	 * @return how many passwords were re-encrypted
	 * @throws IllegalStateException when a password is sealed with a key the vault does
	 * not have (nothing of that batch is changed)
	 */
	public int run() {
		int total = 0;
		for (int done = batch(); done > 0; done = batch()) {
			total += done;
		}
		return total;
	}

	/**
	 * How many passwords are still sealed with a key other than the current one.
	 * @return the count
	 */
	public int remaining() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement count = connection
					.prepareStatement("SELECT count(*) FROM account WHERE password_key_id <> ?")) {
			count.setString(1, this.vault.currentKeyId());
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot count the passwords to re-encrypt", ex);
		}
	}

	private int batch() {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				int done = reseal(connection);
				connection.commit();
				return done;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot re-encrypt passwords", ex);
		}
	}

	private int reseal(Connection connection) throws SQLException {
		List<Object[]> updates = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(SELECT)) {
			select.setString(1, this.vault.currentKeyId());
			select.setInt(2, this.batchSize);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					String password = this.vault.open(new PasswordVault.Sealed(rows.getString(2), rows.getBytes(3)));
					PasswordVault.Sealed sealed = this.vault.seal(password);
					updates.add(new Object[] { sealed.keyId(), sealed.ciphertext(), rows.getLong(1) });
				}
			}
		}
		try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
			for (Object[] row : updates) {
				update.setString(1, (String) row[0]);
				update.setBytes(2, (byte[]) row[1]);
				update.setLong(3, (Long) row[2]);
				update.addBatch();
			}
			update.executeBatch();
		}
		return updates.size();
	}

}
