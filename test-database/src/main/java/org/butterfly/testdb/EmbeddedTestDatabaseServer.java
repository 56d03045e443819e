package org.butterfly.testdb;

import org.butterfly.embeddedpg.EmbeddedPostgres;

/**
 * A test server on an {@link EmbeddedPostgres}: temporary data directory, durability off,
 * any free port.
 */
final class EmbeddedTestDatabaseServer implements TestDatabaseServer, AutoCloseable {

	private final EmbeddedPostgres postgres;

	private EmbeddedTestDatabaseServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a new server; its shutdown hook stops it when the JVM exits, if
	 * {@link #close()} has not.
	 */
	static EmbeddedTestDatabaseServer launch() {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().durable(false).build();
		postgres.start();
		return new EmbeddedTestDatabaseServer(postgres);
	}

	@Override
	public Kind kind() {
		return Kind.EMBEDDED;
	}

	@Override
	public void stop() {
		this.postgres.stop();
	}

	@Override
	public void start() {
		this.postgres.start();
	}

	@Override
	public String host() {
		return this.postgres.host();
	}

	@Override
	public int port() {
		return this.postgres.port();
	}

	@Override
	public String jdbcUrl(String database) {
		return this.postgres.jdbcUrl(database);
	}

	@Override
	public String username() {
		return this.postgres.superuser();
	}

	/**
	 * Any password works (loopback connections are trusted); this one matches the Docker
	 * server's.
	 */
	@Override
	public String password() {
		return "postgres";
	}

	@Override
	public void close() {
		this.postgres.close();
	}

	@Override
	public String toString() {
		return "embedded PostgreSQL on " + host() + ":" + port();
	}

}
