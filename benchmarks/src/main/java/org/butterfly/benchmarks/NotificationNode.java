package org.butterfly.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.testdb.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One notification node on a free port over a migrated database, alone or in a cluster
 * over PostgreSQL, and the benchmarks' accounts.
 */
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

	/**
	 * A node on {@code host} (a free port) in cluster mode {@code postgres}: nodes
	 * started so on one database form a cluster, with the switchboards registered there.
	 */
	public static ConfigurableApplicationContext startInCluster(TestDatabase database, String host) {
		return new SpringApplicationBuilder(NotificationServerApplication.class).run(
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.datasource.hikari.maximum-pool-size=16", "--butterfly.notification.listener.host=" + host,
				"--butterfly.notification.listener.port=0", "--butterfly.notification.listener.advertised-host=" + host,
				// a load generator is the flood the per-client limits stop
				// (docs/adr/0009)
				"--butterfly.notification.listener.limits.commands-per-second=0",
				"--butterfly.notification.listener.limits.connections-per-address=0",
				"--butterfly.directory.bcrypt-strength=4", "--butterfly.cluster.mode=postgres",
				"--butterfly.cluster.database.url=" + database.jdbcUrl(),
				"--butterfly.cluster.database.username=" + database.username(),
				"--butterfly.cluster.database.password=" + database.password(), "--logging.level.root=WARN",
				// Other applications' application.yml may come first on a shared class
				// path.
				"--spring.application.name=notification-server", "--spring.main.web-application-type=none",
				"--butterfly.directory.schema=validate");
	}

	/**
	 * Accounts {@code 0..count-1} named {@code prefix<i>-<run>@bench.example.com}, all
	 * with {@code password}; account i has accounts i+1..i+contacts (modulo count) on its
	 * FL, so each account also has {@code contacts} watchers.
	 * @return the handles, in order
	 */
	public static List<String> populate(ConfigurableApplicationContext node, String prefix, int count, int contacts,
			String password) throws Exception {
		AccountService accounts = node.getBean(AccountService.class);
		ListService lists = node.getBean(ListService.class);
		List<String> handles = new ArrayList<>(count);
		String run = Long.toString(System.nanoTime(), 36);
		for (int i = 0; i < count; i++) {
			handles.add(prefix + i + "-" + run + "@bench.example.com");
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			// All accounts first: a contact must exist before it is added.
			inParallel(pool, count, (owner) -> accounts
				.create(new NewAccount(handles.get(owner), password, "User%20" + owner, Profile.DEFAULT)));
			inParallel(pool, count, (owner) -> {
				for (int c = 1; c <= contacts; c++) {
					String contact = handles.get((owner + c) % count);
					lists.add(handles.get(owner), ListType.FL, contact, contact);
				}
			});
		}
		finally {
			pool.shutdown();
		}
		return handles;
	}

	private static void inParallel(ExecutorService pool, int count, IntConsumer task) throws Exception {
		List<Future<?>> work = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int index = i;
			work.add(pool.submit(() -> task.accept(index)));
		}
		for (Future<?> done : work) {
			done.get();
		}
	}

}
