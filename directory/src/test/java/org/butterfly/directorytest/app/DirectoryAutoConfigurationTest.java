package org.butterfly.directorytest.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.butterfly.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.config.DirectoryProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's auto-configuration adds to an application's JPA set-up instead of
 * replacing it, and brings no Flyway run of its own.
 */
class DirectoryAutoConfigurationTest {

	@Test
	void theApplicationKeepsItsOwnEntitiesAndRepositories() throws SQLException {
		TestDatabase database = TestDatabase.create();
		execute(database.dataSource(), "create table app_note (id bigint primary key, text varchar(255))");

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoteApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(), "--spring.jpa.hibernate.ddl-auto=validate",
					"--butterfly.directory.schema=migrate", "--butterfly.directory.bcrypt-strength=4",
					"--butterfly.directory.limits.forward-list=75", "--butterfly.secret-key=an operator's secret")) {
			AppNoteRepository notes = context.getBean(AppNoteRepository.class);
			notes.save(new AppNote(1, "hello"));
			assertThat(notes.findById(1L)).map(AppNote::getText).contains("hello");
			assertThat(context.getBean(AccountService.class).create(NewAccount.of("app@example.com", "pw")).email())
				.isEqualTo("app@example.com");
			DirectoryProperties properties = context.getBean(DirectoryProperties.class);
			assertThat(properties.listRules().forwardList()).isEqualTo(75);
			assertThat(properties.listRules().allowList()).isEqualTo(500);
			assertThat(properties.notificationExpiry()).hasDays(7);
			assertThat(properties.schema()).isEqualTo(DirectoryProperties.SchemaAction.MIGRATE);
		}
		assertThat(tableExists(database.dataSource(), "directory_schema_history")).isTrue();
		assertThat(tableExists(database.dataSource(), "flyway_schema_history")).isFalse();
	}

	private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.getMetaData().getTables(null, "public", table, null)) {
			return rows.next();
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
