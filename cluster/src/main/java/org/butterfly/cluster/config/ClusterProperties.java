package org.butterfly.cluster.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the cluster ({@code butterfly.cluster.*}).
 *
 * @param mode {@code local} for a single node (the default), {@code postgres} when
 * several nodes share a database
 * @param heartbeat time between a node's heartbeats
 * @param expiry how old a heartbeat may get before its node is presumed dead; several
 * heartbeats long
 * @param database where the PostgreSQL bus listens; also used for the tables when the
 * application has no data source of its own
 * @param schema what a node does with the cluster's tables at start-up in
 * {@code postgres} mode: {@code validate} (the default: the migrate job owns them),
 * {@code migrate} (the one process that migrates) or {@code none}
 */
@ConfigurationProperties("butterfly.cluster")
public record ClusterProperties(@DefaultValue("local") Mode mode, @DefaultValue("2s") Duration heartbeat,
		@DefaultValue("10s") Duration expiry, @DefaultValue Database database,
		@DefaultValue("validate") SchemaAction schema) {

	public ClusterProperties {
		if (expiry.compareTo(heartbeat.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("butterfly.cluster.expiry must be at least two heartbeats");
		}
	}

	/** Where the cluster's state and bus live. */
	public enum Mode {

		/** In this process only. */
		LOCAL,
		/** In PostgreSQL, shared by every node. */
		POSTGRES

	}

	/** What to do with the cluster's tables at start-up. */
	public enum SchemaAction {

		/**
		 * Apply pending migrations
		 * ({@link org.butterfly.cluster.postgres.ClusterSchema}).
		 */
		MIGRATE,
		/** Refuse to start on a missing, older or different schema. */
		VALIDATE,
		/** Leave the schema alone. */
		NONE

	}

	/**
	 * @param url the JDBC URL
	 * @param username the user
	 * @param password the password
	 */
	public record Database(@DefaultValue("jdbc:postgresql://127.0.0.1:5432/butterfly") String url,
			@DefaultValue("butterfly") String username, @DefaultValue("butterfly") String password) {
	}

}
