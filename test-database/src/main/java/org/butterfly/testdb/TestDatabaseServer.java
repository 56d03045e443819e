package org.butterfly.testdb;

/**
 * The PostgreSQL server that hosts test databases: one per JVM, see
 * {@link TestDatabase#server()}. It accepts {@link #username()} and {@link #password()}
 * on every database, with superuser rights.
 */
public interface TestDatabaseServer {

	/** Where the server runs. */
	enum Kind {

		/** A {@code postgres:17-alpine} container started by Testcontainers. */
		DOCKER,

		/** An {@link org.butterfly.embeddedpg.EmbeddedPostgres} child process. */
		EMBEDDED

	}

	Kind kind();

	/**
	 * Stops the server, keeping its data, to test how clients survive a database outage.
	 * Connections break and new ones are refused until {@link #start()}.
	 */
	void stop();

	/**
	 * Starts the server again after {@link #stop()}: same host, port and data. Returns
	 * once it accepts connections.
	 */
	void start();

	String host();

	int port();

	/** A JDBC URL for {@code database} on this server. */
	String jdbcUrl(String database);

	String username();

	String password();

}
