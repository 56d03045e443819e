package org.butterfly.standalone;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.directory.config.DirectorySchema;

/**
 * The one-shot migrate step (ARCHITECTURE §4): one process applies the migrations, every
 * server then validates them.
 */
final class Migration {

	private static final Logger logger = LoggerFactory.getLogger(Migration.class);

	private Migration() {
	}

	static void run(Settings settings) {
		if (settings.embeddedDatabase()) {
			throw new IllegalStateException("migrate needs BUTTERFLY_DATABASE_URL (the standalone platform "
					+ "migrates its embedded database itself)");
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(settings.databaseUrl());
		dataSource.setUser(settings.databaseUser());
		dataSource.setPassword(settings.databasePassword());
		int directory = DirectorySchema.migrate(dataSource);
		int cluster = ClusterSchema.migrate(dataSource);
		logger.info("Schemas migrated: {} directory and {} cluster migration(s) applied", directory, cluster);
	}

}
