package org.butterfly.cluster.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterContract;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.Subscription;
import org.butterfly.testdb.TestDatabase;
import org.junit.jupiter.api.BeforeEach;

/** The PostgreSQL implementations pass the cluster contract, on one shared database. */
class PostgresClusterTest implements ClusterContract {

	private static final TestDatabase database = migrated(TestDatabase.create());

	private final DataSource dataSource = database.dataSource();

	private final PgSessionDirectory sessions = new PgSessionDirectory(this.dataSource);

	private final PgNodeRegistry registry = new PgNodeRegistry(this.dataSource, Duration.ofSeconds(10));

	private final PgNotifyClusterBus bus = new PgNotifyClusterBus(this.dataSource, this.dataSource);

	private final List<Subscription> subscriptions = new ArrayList<>();

	private static TestDatabase migrated(TestDatabase database) {
		ClusterSchema.migrate(database.dataSource());
		return database;
	}

	@BeforeEach
	void emptyTables() {
		sql("TRUNCATE cluster_node, online_session, cluster_payload");
	}

	@Override
	public ClusterBus bus() {
		return this.bus;
	}

	@Override
	public SessionDirectory sessions() {
		return this.sessions;
	}

	@Override
	public NodeRegistry registry() {
		return this.registry;
	}

	@Override
	public void expire(String node) {
		sql("UPDATE cluster_node SET heartbeat = now() - interval '1 hour' WHERE id = '" + node + "'");
	}

	@Override
	public List<Subscription> subscriptions() {
		return this.subscriptions;
	}

	private void sql(String sql) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
