package org.butterfly.benchmarks;

import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.testdb.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One notification node on a free port of 127.0.0.1 over a migrated database. */
public final class NotificationNode {

	private NotificationNode() {
	}

	/** A fresh embedded PostgreSQL with the directory's and the cluster's schemas. */
	public static TestDatabase migratedDatabase() {
		TestDatabase database = TestDatabase.create();
		DirectorySchema.migrate(database.dataSource());
		ClusterSchema.migrate(database.dataSource());
		return database;
	}

	public static ConfigurableApplicationContext start(TestDatabase database) {
		return new SpringApplicationBuilder(NotificationServerApplication.class).run(
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.datasource.hikari.maximum-pool-size=16", "--butterfly.notification.listener.host=127.0.0.1",
				"--butterfly.notification.listener.port=0",
				// a load generator is the flood the per-client limits stop
				// (docs/adr/0009)
				"--butterfly.notification.listener.limits.commands-per-second=0",
				"--butterfly.notification.listener.limits.connections-per-address=0",
				"--butterfly.directory.bcrypt-strength=4", "--logging.level.root=WARN",
				"--spring.application.name=notification-server", "--spring.main.web-application-type=none",
				"--butterfly.directory.schema=validate");
	}

}
