package org.butterfly.standalone;

import org.butterfly.embeddedpg.EmbeddedPostgres;

/**
 * The one database every role uses: the configured one, or an embedded PostgreSQL whose
 * data survives restarts in {@link Settings#dataDirectory()}.
 *
 * @param url the JDBC URL
 * @param user the user
 * @param password the password
 * @param embedded the embedded server, {@code null} for a configured database
 */
record Database(String url, String user, String password, EmbeddedPostgres embedded) implements AutoCloseable {

	static Database open(Settings settings) {
		if (!settings.embeddedDatabase()) {
			return new Database(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(), null);
		}
		// Durable: this is somebody's data, not a test's.
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.dataDirectory(settings.dataDirectory())
			.durable(true)
			.build();
		postgres.start();
		// The embedded server trusts loopback connections: any password will do.
		return new Database(postgres.jdbcUrl("postgres"), postgres.superuser(), "embedded", postgres);
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
