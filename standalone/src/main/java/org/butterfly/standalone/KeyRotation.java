package org.butterfly.standalone;

import java.util.Arrays;
import java.util.List;

import org.butterfly.directory.account.PasswordRotation;
import org.butterfly.directory.account.PasswordVault;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot {@code rotate-passwords} step (docs/adr/0109): re-encrypts every stored
 * password with {@code BUTTERFLY_SECRET_KEY}, reading those still sealed with a key of
 * {@code BUTTERFLY_PREVIOUS_SECRET_KEYS} (comma-separated) or with the development key.
 * On the given database while the servers run, or on the embedded one while the
 * standalone platform is stopped.
 */
final class KeyRotation {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotation.class);

	private static final int BATCH = 500;

	private KeyRotation() {
	}

	/**
	 * @return how many passwords were re-encrypted
	 */
	static int run(Settings settings) {
		String secret = settings.environment().getOrDefault("BUTTERFLY_SECRET_KEY", "");
		if (secret.isBlank()) {
			throw new IllegalStateException("rotate-passwords needs BUTTERFLY_SECRET_KEY: the key to re-encrypt with");
		}
		List<String> previous = Arrays
			.stream(settings.environment().getOrDefault("BUTTERFLY_PREVIOUS_SECRET_KEYS", "").split(","))
			.map(String::strip)
			.filter((key) -> !key.isEmpty())
			.toList();
		try (Database database = Database.open(settings)) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(database.url());
			dataSource.setUser(database.user());
			dataSource.setPassword(database.password());
			PasswordRotation rotation = new PasswordRotation(dataSource,
					PasswordVault.withDevelopmentKey(secret, previous), BATCH);
			int rotated = rotation.run();
			logger.info("{} password(s) re-encrypted with the current key; the previous keys can be dropped", rotated);
			return rotated;
		}
	}

}
