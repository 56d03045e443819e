package org.butterfly.admin.config;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.directory.config.DirectorySchema;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Applies or validates the directory's and the cluster's migrations as soon as the data
 * source exists, before JPA or the cluster's beans use it (ARCHITECTURE §4: one process
 * migrates, the others validate). The directory's own initializer is switched off
 * ({@code butterfly.directory.schema=none}) so there is one owner in this process.
 */
public class SchemaOwner implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(SchemaOwner.class);

	private final AdminProperties.SchemaAction action;

	public SchemaOwner(AdminProperties.SchemaAction action) {
		this.action = action;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			apply(dataSource);
		}
		return bean;
	}

	private void apply(DataSource dataSource) {
		if (this.action == AdminProperties.SchemaAction.MIGRATE) {
			int directory = DirectorySchema.migrate(dataSource);
			int cluster = ClusterSchema.migrate(dataSource);
			logger.info("Schemas migrated: {} directory and {} cluster migration(s) applied", directory, cluster);
		}
		else {
			DirectorySchema.validate(dataSource);
			ClusterSchema.validate(dataSource);
			logger.info("Schemas validated");
		}
	}

}
