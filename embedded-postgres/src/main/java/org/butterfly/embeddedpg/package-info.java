/**
 * A real PostgreSQL server started from the binaries shipped on Maven Central, for tests
 * without Docker and for the standalone launcher. Start with
 * {@link org.butterfly.embeddedpg.EmbeddedPostgres#builder()}.
 */
package org.butterfly.embeddedpg;
