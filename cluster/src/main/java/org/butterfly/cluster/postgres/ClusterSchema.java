package org.butterfly.cluster.postgres;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The cluster's tables ({@code cluster_node}, {@code online_session},
 * {@code cluster_payload}), owned by their own Flyway migrations ({@code db/cluster})
 * with their own history table ({@code cluster_schema_history}), so they share a database
 * schema with the directory's. One process migrates; the others validate (ARCHITECTURE
 * §4). Concurrent {@link #migrate} calls are safe: Flyway serializes them on a lock.
 */
public final class ClusterSchema {

	/** Where the migrations are. */
	public static final String LOCATION = "classpath:db/cluster";

	/** The cluster's Flyway history table. */
	public static final String HISTORY_TABLE = "cluster_schema_history";

	private ClusterSchema() {
	}

	/**
	 * Applies every pending migration.
	 * @param dataSource the database
	 * @return how many migrations this call applied
	 */
	public static int migrate(DataSource dataSource) {
		return flyway(dataSource).migrate().migrationsExecuted;
	}

	/**
	 * Checks that every migration of this jar has been applied, unchanged.
	 * @param dataSource the database
	 * @throws org.flywaydb.core.api.FlywayException if the schema is missing, older or
	 * different
	 */
	public static void validate(DataSource dataSource) {
		flyway(dataSource).validate();
	}

	private static Flyway flyway(DataSource dataSource) {
		return Flyway.configure(ClusterSchema.class.getClassLoader())
			.dataSource(dataSource)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			// The directory's tables may already be in the schema: start below V1.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
	}

}
