package org.butterfly.embeddedpg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for the tests: run statements, read the first column of a query. */
final class Sql {

	private Sql() {
	}

	static void execute(EmbeddedPostgres postgres, String... statements) throws SQLException {
		try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static List<String> query(EmbeddedPostgres postgres, String sql) throws SQLException {
		try (Connection connection = connect(postgres);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	static Connection connect(EmbeddedPostgres postgres) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.superuser(), "");
	}

}
