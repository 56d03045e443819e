package org.butterfly.directory.config;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link DirectorySchemaInitializer} initializes the database, so
 * JPA starts after it.
 */
class DirectorySchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(DirectorySchemaInitializer.class);
	}

}
