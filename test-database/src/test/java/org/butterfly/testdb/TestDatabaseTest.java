package org.butterfly.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public entry point, on whichever server this JVM chose. */
class TestDatabaseTest {

	@Test
	void createsFreshIsolatedDatabasesOnOneServer() throws SQLException {
		TestDatabase first = TestDatabase.create();
		TestDatabase second = TestDatabase.create();

		assertThat(TestDatabase.server()).isSameAs(TestDatabase.server());
		assertThat(first.databaseName()).isNotEqualTo(second.databaseName());
		assertThat(first.jdbcUrl()).isEqualTo(TestDatabase.server().jdbcUrl(first.databaseName()));
		try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password())) {
			connection.createStatement().execute("CREATE TABLE contact (email text)");
		}
		assertThat(TestDatabaseServerContract.query(first.dataSource(), "SELECT count(*) FROM contact"))
			.containsExactly("0");
		assertThat(TestDatabaseServerContract.query(second.dataSource(), "SELECT to_regclass('contact')"))
			.containsOnlyNulls()
			.hasSize(1);
	}

	@Test
	void survivesARestartOfTheSharedServer() throws SQLException {
		TestDatabase database = TestDatabase.create();
		TestDatabaseServerContract.execute(database.dataSource(), "CREATE TABLE contact (email text)",
				"INSERT INTO contact VALUES ('alice@example.com')");
		TestDatabaseServer server = TestDatabase.server();
		int port = server.port();

		server.stop();
		assertThatThrownBy(() -> TestDatabaseServerContract.query(database.dataSource(), "SELECT 1"))
			.isInstanceOf(SQLException.class);
		server.start();

		assertThat(server.port()).isEqualTo(port);
		assertThat(TestDatabaseServerContract.query(database.dataSource(), "SELECT email FROM contact"))
			.containsExactly("alice@example.com");
		assertThat(TestDatabase.create().databaseName()).isNotEqualTo(database.databaseName());
	}

}
