package org.butterfly.admin.config;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.admin.accounts.AccountAdmin;
import org.butterfly.admin.lists.ListAdmin;
import org.butterfly.admin.notifications.NotificationSender;
import org.butterfly.admin.sessions.LiveSessions;
import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.EventRouter;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.config.ClusterConfiguration;
import org.butterfly.cluster.config.ClusterProperties;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.notification.NotificationService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Wires the admin API: the schema owner, the cluster (session directory and bus) it
 * publishes to, and the features' services.
 */
@Configuration(proxyBeanMethods = false)
@Import(ClusterConfiguration.class)
public class AdminConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AdminConfiguration.class);

	/** Runs before any bean opens a connection, so it sees the data source first. */
	@Bean
	static SchemaOwner schemaOwner(Environment environment) {
		return new SchemaOwner(environment.getProperty("butterfly.schema", AdminProperties.SchemaAction.class,
				AdminProperties.SchemaAction.MIGRATE));
	}

	@Bean
	EventRouter eventRouter(SessionDirectory clusterSessionDirectory, ClusterBus clusterBus, AdminProperties admin,
			ClusterProperties cluster) {
		if (admin.mode() == AdminProperties.Mode.PRODUCTION && cluster.mode() == ClusterProperties.Mode.LOCAL) {
			// Nothing outside this JVM hears an in-memory bus: every push would wait for
			// a
			// sign-in.
			logger.warn("butterfly.cluster.mode=local in production: live sessions on other processes are not "
					+ "told of changes; set BUTTERFLY_CLUSTER_MODE=postgres");
		}
		return new EventRouter(clusterSessionDirectory, clusterBus);
	}

	@Bean
	LiveSessions liveSessions(SessionDirectory clusterSessionDirectory, EventRouter eventRouter) {
		return new LiveSessions(clusterSessionDirectory, eventRouter);
	}

	@Bean
	AccountAdmin accountAdmin(AccountService accountService, LiveSessions liveSessions) {
		return new AccountAdmin(accountService, liveSessions);
	}

	@Bean
	ListAdmin listAdmin(AccountService accountService, ListService listService, LiveSessions liveSessions) {
		return new ListAdmin(accountService, listService, liveSessions);
	}

	@Bean
	NotificationSender notificationSender(AccountService accountService, NotificationService notificationService,
			LiveSessions liveSessions, Clock clock) {
		return new NotificationSender(accountService, notificationService, liveSessions, clock);
	}

	/** The directory picks it up too, so expiry and timestamps share one clock. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
