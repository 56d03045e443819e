/**
 * The standalone launcher: every role of the platform in one JVM, each in its own Spring
 * application context configured by its app's own configuration file, on one PostgreSQL
 * (embedded unless a database URL is given). The contexts share nothing but the database,
 * so they meet through the cluster's PostgreSQL mode exactly as separate processes do.
 */
package org.butterfly.standalone;
