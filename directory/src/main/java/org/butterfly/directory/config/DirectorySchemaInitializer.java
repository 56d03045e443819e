package org.butterfly.directory.config;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates or validates the directory's schema at start-up, as
 * {@code butterfly.directory.schema} says. JPA waits for it, so Hibernate's own
 * validation sees the migrated schema.
 */
public class DirectorySchemaInitializer implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(DirectorySchemaInitializer.class);

	private final DataSource dataSource;

	private final DirectoryProperties.SchemaAction action;

	public DirectorySchemaInitializer(DataSource dataSource, DirectoryProperties.SchemaAction action) {
		this.dataSource = dataSource;
		this.action = action;
	}

	@Override
	public void afterPropertiesSet() {
		switch (this.action) {
			case MIGRATE ->
				logger.info("Directory schema: {} migration(s) applied", DirectorySchema.migrate(this.dataSource));
			case VALIDATE -> DirectorySchema.validate(this.dataSource);
			case NONE -> logger.debug("Directory schema left alone");
		}
	}

}
