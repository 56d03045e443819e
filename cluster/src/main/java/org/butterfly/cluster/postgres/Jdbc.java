package org.butterfly.cluster.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.butterfly.cluster.OnlineSession;

/** Small JDBC helpers: short statements on a pooled data source, errors unchecked. */
final class Jdbc {

	static final String SESSION_COLUMNS = "account, session_id, node, status, friendly_name, dialect, since";

	private final DataSource dataSource;

	Jdbc(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	interface Binder {

		void bind(PreparedStatement statement) throws SQLException;

	}

	<T> T autoCommit(Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cluster database call failed: " + ex.getMessage(), ex);
		}
	}

	<T> T transaction(Work<T> work) {
		return autoCommit((connection) -> {
			connection.setAutoCommit(false);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		});
	}

	int update(String sql, Binder binder) {
		return autoCommit((connection) -> update(connection, sql, binder));
	}

	static int update(Connection connection, String sql, Binder binder) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			return statement.executeUpdate();
		}
	}

	static void execute(Connection connection, String sql, Binder binder) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			statement.execute();
		}
	}

	static List<OnlineSession> sessions(Connection connection, String sql, Binder binder) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			try (ResultSet rows = statement.executeQuery()) {
				List<OnlineSession> sessions = new ArrayList<>();
				while (rows.next()) {
					sessions.add(new OnlineSession(rows.getString(1), rows.getString(2), rows.getString(3),
							rows.getString(4), rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant()));
				}
				return sessions;
			}
		}
	}

}
