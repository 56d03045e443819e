package org.butterfly.cluster.config;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.NodeMembership;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.Subscription;
import org.butterfly.cluster.memory.InMemoryClusterBus;
import org.butterfly.cluster.memory.InMemoryNodeRegistry;
import org.butterfly.cluster.memory.InMemorySessionDirectory;
import org.butterfly.cluster.postgres.PgNodeRegistry;
import org.butterfly.cluster.postgres.PgNotifyClusterBus;
import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.cluster.postgres.PgSessionDirectory;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster's beans for an application that imports this configuration: the
 * {@link SessionDirectory}, the {@link NodeRegistry} and the {@link ClusterBus}, in
 * memory ({@code butterfly.cluster.mode=local}, the default) or in PostgreSQL
 * ({@code postgres}). In PostgreSQL mode the tables use the application's
 * {@link DataSource} when it has one, else a non-pooled one on
 * {@code butterfly.cluster.database}; the bus always listens on dedicated connections
 * from the latter. In PostgreSQL mode, creating the session directory migrates or
 * validates the cluster's tables ({@code butterfly.cluster.schema}); otherwise nothing
 * connects before it is used.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

	@Bean
	SessionDirectory clusterSessionDirectory(ClusterProperties properties, ObjectProvider<DataSource> dataSource) {
		if (properties.mode() == ClusterProperties.Mode.LOCAL) {
			return new InMemorySessionDirectory();
		}
		DataSource tables = tables(properties, dataSource);
		// One process migrates (ARCHITECTURE §4); the others refuse an older schema.
		switch (properties.schema()) {
			case MIGRATE -> ClusterSchema.migrate(tables);
			case VALIDATE -> ClusterSchema.validate(tables);
			case NONE -> {
			}
		}
		return new PgSessionDirectory(tables);
	}

	@Bean
	NodeRegistry clusterNodeRegistry(ClusterProperties properties, SessionDirectory clusterSessionDirectory) {
		if (properties.mode() == ClusterProperties.Mode.LOCAL) {
			return new InMemoryNodeRegistry((InMemorySessionDirectory) clusterSessionDirectory, Clock.systemUTC(),
					properties.expiry());
		}
		// Its own connections, never the pool's: a pool that is exhausted, or slow to
		// recover after a database restart, must not make a live node look dead.
		return new PgNodeRegistry(direct(properties.database()), properties.expiry());
	}

	@Bean
	ClusterBus clusterBus(ClusterProperties properties, ObjectProvider<DataSource> dataSource) {
		if (properties.mode() == ClusterProperties.Mode.LOCAL) {
			return new InMemoryClusterBus();
		}
		return new PgNotifyClusterBus(tables(properties, dataSource), direct(properties.database()));
	}

	/** The {@code cluster} health component, part of readiness. */
	@Bean
	ClusterHealthIndicator clusterHealthIndicator(ClusterProperties properties,
			ObjectProvider<NodeMembership> memberships, ObjectProvider<Subscription> subscriptions) {
		return new ClusterHealthIndicator(properties.mode(), memberships.orderedStream().toList(),
				subscriptions.orderedStream().toList(), Clock.systemUTC());
	}

	@Bean
	NodeInfoContributor nodeInfoContributor(ClusterProperties properties, ObjectProvider<NodeMembership> memberships) {
		return new NodeInfoContributor(properties.mode(), memberships.orderedStream().toList());
	}

	/**
	 * {@code butterfly.bus.lag}: from publication to reception, for every batch this node
	 * receives over PostgreSQL.
	 */
	@Bean
	MeterBinder clusterBusMeters(ClusterBus clusterBus) {
		return (registry) -> {
			Timer lag = Timer.builder("butterfly.bus.lag")
				.description("Cluster bus batches, from publication to reception")
				.register(registry);
			clusterBus.measureLag(lag::record);
		};
	}

	private static DataSource tables(ClusterProperties properties, ObjectProvider<DataSource> dataSource) {
		return dataSource.getIfAvailable(() -> direct(properties.database()));
	}

	/** A data source that opens a new physical connection each time. */
	public static DataSource direct(ClusterProperties.Database database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(database.url());
		dataSource.setUser(database.username());
		dataSource.setPassword(database.password());
		return dataSource;
	}

}
