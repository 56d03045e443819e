package org.butterfly.testdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every kind of {@link TestDatabaseServer} must do; each kind runs it against its
 * own server.
 */
abstract class TestDatabaseServerContract {

	abstract TestDatabaseServer server();

	@Test
	void runsPostgres17() throws SQLException {
		TestDatabase database = TestDatabase.createOn(server());
		assertThat(query(database.dataSource(), "SHOW server_version").get(0)).startsWith("17");
		assertThat(query(database.dataSource(), "SHOW server_encoding")).containsExactly("UTF8");
	}

	@Test
	void createsIsolatedDatabases() throws SQLException {
		TestDatabase first = TestDatabase.createOn(server());
		TestDatabase second = TestDatabase.createOn(server());
		assertThat(first.databaseName()).isNotEqualTo(second.databaseName());

		execute(first.dataSource(), "CREATE TABLE contact (email text)",
				"INSERT INTO contact VALUES ('alice@example.com')");
		assertThat(query(first.dataSource(), "SELECT email FROM contact")).containsExactly("alice@example.com");
		assertThat(query(second.dataSource(), "SELECT to_regclass('contact')")).containsOnlyNulls().hasSize(1);
		assertThat(query(first.dataSource(), "SELECT current_database()")).containsExactly(first.databaseName());
	}

	@Test
	void createsDatabasesConcurrently() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Callable<TestDatabase>> creations = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				creations.add(() -> TestDatabase.createOn(server()));
			}
			List<String> names = new ArrayList<>();
			for (Future<TestDatabase> creation : threads.invokeAll(creations)) {
				TestDatabase database = creation.get();
				names.add(database.databaseName());
				assertThat(query(database.dataSource(), "SELECT current_database()"))
					.containsExactly(database.databaseName());
			}
			assertThat(names).doesNotHaveDuplicates().hasSize(8);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void keepsDataAndPortAcrossStopAndStart() throws SQLException {
		TestDatabase database = TestDatabase.createOn(server());
		execute(database.dataSource(), "CREATE TABLE contact (email text)",
				"INSERT INTO contact VALUES ('alice@example.com')");
		int port = server().port();

		server().stop();
		assertThatThrownBy(() -> query(database.dataSource(), "SELECT 1")).isInstanceOf(SQLException.class);

		server().start();
		assertThat(server().port()).isEqualTo(port);
		assertThat(query(database.dataSource(), "SELECT email FROM contact")).containsExactly("alice@example.com");
	}

	static void execute(DataSource dataSource, String... statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static List<String> query(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

}
