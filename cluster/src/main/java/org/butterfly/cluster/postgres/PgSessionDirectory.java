package org.butterfly.cluster.postgres;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;

/**
 * The {@link SessionDirectory} in the {@code online_session} table, shared by every node.
 * A claim runs in one transaction under a transaction-scoped advisory lock on the
 * account, so of two concurrent claims exactly one sees the other as replaced.
 */
public final class PgSessionDirectory implements SessionDirectory {

	private final Jdbc jdbc;

	public PgSessionDirectory(DataSource dataSource) {
		this.jdbc = new Jdbc(dataSource);
	}

	@Override
	public Optional<OnlineSession> claim(OnlineSession session) {
		return this.jdbc.transaction((connection) -> {
			Jdbc.execute(connection, "SELECT pg_advisory_xact_lock(hashtext(?))",
					(statement) -> statement.setString(1, session.account()));
			List<OnlineSession> previous = Jdbc.sessions(connection,
					"SELECT " + Jdbc.SESSION_COLUMNS + " FROM online_session WHERE account = ?",
					(statement) -> statement.setString(1, session.account()));
			Jdbc.update(connection, "INSERT INTO online_session (" + Jdbc.SESSION_COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account) DO UPDATE SET session_id = excluded.session_id,"
					+ " node = excluded.node, status = excluded.status, friendly_name = excluded.friendly_name,"
					+ " dialect = excluded.dialect, since = excluded.since", (statement) -> {
						statement.setString(1, session.account());
						statement.setString(2, session.sessionId());
						statement.setString(3, session.node());
						statement.setString(4, session.status());
						statement.setString(5, session.friendlyName());
						statement.setString(6, session.dialect());
						statement.setTimestamp(7, Timestamp.from(session.since()));
					});
			return previous.stream().filter((old) -> !old.sessionId().equals(session.sessionId())).findFirst();
		});
	}

	@Override
	public boolean release(String account, String sessionId) {
		return this.jdbc.update("DELETE FROM online_session WHERE account = ? AND session_id = ?", (statement) -> {
			statement.setString(1, account);
			statement.setString(2, sessionId);
		}) > 0;
	}

	@Override
	public boolean update(String account, String sessionId, String status, String friendlyName) {
		return this.jdbc.update(
				"UPDATE online_session SET status = ?, friendly_name = ? WHERE account = ? AND session_id = ?",
				(statement) -> {
					statement.setString(1, status);
					statement.setString(2, friendlyName);
					statement.setString(3, account);
					statement.setString(4, sessionId);
				}) > 0;
	}

	@Override
	public Optional<OnlineSession> find(String account) {
		return this.jdbc.autoCommit((connection) -> Jdbc.sessions(connection,
				"SELECT " + Jdbc.SESSION_COLUMNS + " FROM online_session WHERE account = ?",
				(statement) -> statement.setString(1, account)))
			.stream()
			.findFirst();
	}

	@Override
	public Map<String, OnlineSession> find(Collection<String> accounts) {
		Map<String, OnlineSession> found = new HashMap<>();
		if (accounts.isEmpty()) {
			return found;
		}
		this.jdbc
			.autoCommit((connection) -> Jdbc.sessions(connection,
					"SELECT " + Jdbc.SESSION_COLUMNS + " FROM online_session WHERE account = ANY (?)",
					(statement) -> statement.setArray(1,
							connection.createArrayOf("varchar", accounts.toArray(new String[0])))))
			.forEach((session) -> found.put(session.account(), session));
		return found;
	}

	@Override
	public List<OnlineSession> online() {
		return this.jdbc.autoCommit((connection) -> Jdbc.sessions(connection,
				"SELECT " + Jdbc.SESSION_COLUMNS + " FROM online_session ORDER BY account", (statement) -> {
				}));
	}

}
