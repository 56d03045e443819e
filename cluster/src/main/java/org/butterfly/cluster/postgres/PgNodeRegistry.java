package org.butterfly.cluster.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.OnlineSession;

/**
 * The {@link NodeRegistry} in the {@code cluster_node} table. Heartbeats and expiry use
 * the database's clock, so the nodes' clocks need not agree. Reaping is one statement
 * that deletes the expired nodes and their sessions and returns the sessions: of
 * concurrent reapers, the row locks let exactly one delete each node, so each session is
 * returned once in the whole cluster (docs/adr/0502).
 */
public final class PgNodeRegistry implements NodeRegistry {

	private static final String NODE_COLUMNS = "id, role, address, load, heartbeat, started";

	private final Jdbc jdbc;

	private final double expirySeconds;

	/**
	 * @param dataSource the database
	 * @param expiry how old a heartbeat may get before its node is presumed dead
	 */
	public PgNodeRegistry(DataSource dataSource, Duration expiry) {
		this.jdbc = new Jdbc(dataSource);
		this.expirySeconds = expiry.toMillis() / 1000.0;
	}

	@Override
	public void register(String id, String role, String address) {
		ClusterNode.requireValidId(id);
		this.jdbc.update("INSERT INTO cluster_node (" + NODE_COLUMNS + ") VALUES (?, ?, ?, 0, now(), now())"
				+ " ON CONFLICT (id) DO UPDATE SET role = excluded.role, address = excluded.address, heartbeat = now()",
				(statement) -> {
					statement.setString(1, id);
					statement.setString(2, role);
					statement.setString(3, address);
				});
	}

	@Override
	public boolean heartbeat(String id, int load) {
		return this.jdbc.update("UPDATE cluster_node SET load = ?, heartbeat = now() WHERE id = ?", (statement) -> {
			statement.setInt(1, load);
			statement.setString(2, id);
		}) > 0;
	}

	@Override
	public List<OnlineSession> deregister(String id) {
		return this.jdbc.autoCommit((connection) -> Jdbc.sessions(connection,
				"WITH gone AS (DELETE FROM cluster_node WHERE id = ?) DELETE FROM online_session WHERE node = ? RETURNING "
						+ Jdbc.SESSION_COLUMNS,
				(statement) -> {
					statement.setString(1, id);
					statement.setString(2, id);
				}));
	}

	@Override
	public List<ClusterNode> live(String role) {
		return this.jdbc.autoCommit((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement("SELECT " + NODE_COLUMNS
					+ " FROM cluster_node WHERE role = ? AND heartbeat >= now() - make_interval(secs => ?)"
					+ " ORDER BY load, id")) {
				statement.setString(1, role);
				statement.setDouble(2, this.expirySeconds);
				try (ResultSet rows = statement.executeQuery()) {
					List<ClusterNode> nodes = new ArrayList<>();
					while (rows.next()) {
						nodes.add(new ClusterNode(rows.getString(1), rows.getString(2), rows.getString(3),
								rows.getInt(4), rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant()));
					}
					return nodes;
				}
			}
		});
	}

	@Override
	public List<OnlineSession> reapExpired() {
		return this.jdbc.autoCommit((connection) -> {
			// Large bus payloads are read within moments; an hour is far beyond any
			// listener.
			Jdbc.update(connection, "DELETE FROM cluster_payload WHERE created < now() - interval '1 hour'",
					(statement) -> {
					});
			return Jdbc.sessions(connection,
					"WITH dead AS (DELETE FROM cluster_node WHERE heartbeat < now() - make_interval(secs => ?) RETURNING id)"
							+ " DELETE FROM online_session WHERE node IN (SELECT id FROM dead) RETURNING "
							+ Jdbc.SESSION_COLUMNS,
					(statement) -> statement.setDouble(1, this.expirySeconds));
		});
	}

}
