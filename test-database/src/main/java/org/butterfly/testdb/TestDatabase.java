package org.butterfly.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty PostgreSQL database of its own, for one test.
 * <p>
 * Each {@link #create()} makes a new database (UTF-8, C locale) with a name unique in
 * this JVM, on the JVM-wide {@link #server()}: a Testcontainers PostgreSQL when Docker is
 * available, else the embedded one (see {@code BUTTERFLY_TEST_DB} to choose). The server
 * starts on first use and stops when the JVM exits; the databases live as long as it
 * does. The handle is immutable and {@link #create()} is thread-safe.
 */
public final class TestDatabase {

	private static final AtomicLong sequence = new AtomicLong();

	private final TestDatabaseServer server;

	private final String databaseName;

	private final String jdbcUrl;

	private TestDatabase(TestDatabaseServer server, String databaseName) {
		this.server = server;
		this.databaseName = databaseName;
		this.jdbcUrl = server.jdbcUrl(databaseName);
	}

	/**
	 * Creates a new database on the JVM-wide server, starting the server on first use.
	 */
	public static TestDatabase create() {
		return createOn(server());
	}

	/** The JVM-wide server. */
	public static TestDatabaseServer server() {
		return TestDatabaseServers.shared();
	}

	static TestDatabase createOn(TestDatabaseServer server) {
		String name = "test_" + sequence.incrementAndGet();
		// template0 is never connected to, so concurrent creations do not conflict over
		// it.
		try (Connection connection = dataSource(server, server.jdbcUrl("postgres")).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + name + " on " + server, ex);
		}
		return new TestDatabase(server, name);
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return this.server.username();
	}

	public String password() {
		return this.server.password();
	}

	public String databaseName() {
		return this.databaseName;
	}

	/**
	 * A new non-pooled data source: each {@code getConnection()} opens a connection to
	 * this database.
	 */
	public DataSource dataSource() {
		return dataSource(this.server, this.jdbcUrl);
	}

	@Override
	public String toString() {
		return "TestDatabase[" + this.databaseName + " on " + this.server + "]";
	}

	private static PGSimpleDataSource dataSource(TestDatabaseServer server, String jdbcUrl) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(jdbcUrl);
		dataSource.setUser(server.username());
		dataSource.setPassword(server.password());
		return dataSource;
	}

}
