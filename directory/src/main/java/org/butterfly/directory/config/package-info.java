/**
 * Spring Boot wiring, configuration properties and the schema owner (migrate or
 * validate).
 */
package org.butterfly.directory.config;
