package org.butterfly.directory.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.butterfly.testdb.TestDatabase;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.support.DirectoryTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The directory's migrations: one process migrates, the others validate (ARCHITECTURE 4,
 * STYLE P12).
 */
class DirectorySchemaTest {

	@Test
	void anEmptyDatabaseMigratesOnceAndThenValidates() throws SQLException {
		DataSource dataSource = TestDatabase.create().dataSource();

		assertThatExceptionOfType(FlywayException.class).isThrownBy(() -> DirectorySchema.validate(dataSource));
		assertThat(DirectorySchema.migrate(dataSource)).isEqualTo(6);
		DirectorySchema.validate(dataSource);
		assertThat(DirectorySchema.migrate(dataSource)).isZero();
		assertThat(tables(dataSource)).containsExactlyInAnyOrder("account", "contact", "contact_group", "notification",
				"page_outbox", "mail_outbox", "directory_schema_history");
	}

	@Test
	void concurrentMigrationsApplyEachMigrationOnce() throws Exception {
		DataSource dataSource = TestDatabase.create().dataSource();
		ExecutorService processes = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callable<Integer> migrate = () -> {
					start.await();
					return DirectorySchema.migrate(dataSource);
				};
				runs.add(processes.submit(migrate));
			}
			assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(6);
		}
		finally {
			processes.shutdownNow();
		}
		assertThat(count(dataSource, "select count(*) from directory_schema_history where success")).isEqualTo(6);
	}

	@Test
	void theDirectoryMigratesBesideAnotherModulesTables() throws SQLException {
		DataSource dataSource = TestDatabase.create().dataSource();
		execute(dataSource, "create table cluster_node (id bigint primary key)");
		execute(dataSource, "create table cluster_schema_history (installed_rank int primary key)");

		assertThat(DirectorySchema.migrate(dataSource)).isEqualTo(6);
		DirectorySchema.validate(dataSource);
	}

	@Test
	void aSecondProcessValidatesAndHibernateAgreesWithTheSchema() {
		TestDatabase database = TestDatabase.create();
		try (ConfigurableApplicationContext migrator = start(database, "migrate")) {
			migrator.getBean(AccountService.class).create(NewAccount.of("first@example.com", "pw"));
			try (ConfigurableApplicationContext validator = start(database, "validate")) {
				assertThat(validator.getBean(AccountService.class).find("first@example.com")).isPresent();
			}
		}
	}

	@Test
	void aValidatingProcessRefusesToStartOnAnUnmigratedDatabase() {
		TestDatabase database = TestDatabase.create();

		assertThatThrownBy(() -> start(database, "validate").close()).hasRootCauseInstanceOf(FlywayException.class);
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String schemaAction) {
		SpringApplication application = new SpringApplicationBuilder(DirectoryTestApplication.class)
			.web(WebApplicationType.NONE)
			.build();
		return application.run("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.jpa.hibernate.ddl-auto=validate",
				"--butterfly.directory.schema=" + schemaAction, "--butterfly.directory.bcrypt-strength=4",
				"--spring.main.banner-mode=off");
	}

	private static List<String> tables(DataSource dataSource) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

	private static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
