package org.butterfly.admin;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import org.butterfly.admin.config.AdminProperties.SchemaAction;
import org.butterfly.admin.config.SchemaOwner;
import org.butterfly.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** One process migrates, the others validate (ARCHITECTURE §4). */
class SchemaOwnerTest {

	@Test
	void validatingAnEmptyDatabaseRefusesToStart() {
		DataSource empty = TestDatabase.create().dataSource();
		assertThatExceptionOfType(FlywayException.class)
			.isThrownBy(() -> new SchemaOwner(SchemaAction.VALIDATE).postProcessAfterInitialization(empty, "ds"));
	}

	@Test
	void migratingCreatesBothSchemasWhichThenValidate() {
		DataSource database = TestDatabase.create().dataSource();
		assertThat(new SchemaOwner(SchemaAction.MIGRATE).postProcessAfterInitialization(database, "ds"))
			.isSameAs(database);
		new SchemaOwner(SchemaAction.VALIDATE).postProcessAfterInitialization(database, "ds");
		new SchemaOwner(SchemaAction.MIGRATE).postProcessAfterInitialization(database, "ds");
	}

	@Test
	void otherBeansAreLeftAlone() {
		Object bean = new Object();
		assertThat(new SchemaOwner(SchemaAction.VALIDATE).postProcessAfterInitialization(bean, "other")).isSameAs(bean);
	}

}
