package org.butterfly.directory.config;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The directory's tables, owned by its own Flyway migrations ({@code db/directory}) with
 * their own history table ({@code directory_schema_history}), so they can share a
 * database schema with other modules' migrations.
 * <p>
 * Exactly one process migrates (ARCHITECTURE 4); every other process validates and
 * refuses to start on a schema older than its jar. Concurrent {@link #migrate} calls are
 * safe: Flyway serializes them on a database lock and applies each migration once.
 */
public final class DirectorySchema {

	/** Where the migrations are. */
	public static final String LOCATION = "classpath:db/directory";

	/** The directory's Flyway history table. */
	public static final String HISTORY_TABLE = "directory_schema_history";

	private DirectorySchema() {
	}

	/**
	 * Applies every pending migration.
	 * @param dataSource the database
	 * @return how many migrations this call applied
	 * @throws FlywayException if a migration fails or the applied ones differ from this
	 * jar's
	 */
	public static int migrate(DataSource dataSource) {
		return flyway(dataSource).migrate().migrationsExecuted;
	}

	/**
	 * Checks that every migration of this jar has been applied, unchanged. Newer
	 * migrations applied by a newer release are accepted, so nodes can be upgraded one by
	 * one.
	 * @param dataSource the database
	 * @throws FlywayException if the schema is missing, older or different
	 */
	public static void validate(DataSource dataSource) {
		flyway(dataSource).validate();
	}

	private static Flyway flyway(DataSource dataSource) {
		return Flyway.configure(DirectorySchema.class.getClassLoader())
			.dataSource(dataSource)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			// Other modules' tables may already be in the schema: start the history below
			// V1.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
	}

}
