package org.butterfly.notification.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.notification.presence.PresenceService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification server's own meters (docs/operations.md, "Metrics"); connections,
 * commands, sign-ins, sessions and closes are measured by the listener itself.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationMetricsConfiguration {

	/**
	 * {@code butterfly.presence.fanout}: one presence change reaching its watchers'
	 * nodes.
	 */
	@Bean
	MeterBinder presenceMeters(PresenceService presenceService) {
		return (registry) -> presenceService.measureFanOut(Timer.builder("butterfly.presence.fanout")
			.description("Presence changes: finding the watchers and handing the events to their nodes")
			.register(registry));
	}

	/**
	 * {@code butterfly.notifications.queued}: notifications waiting for their recipients'
	 * next sign-in, across the cluster (one count query per scrape).
	 */
	@Bean
	MeterBinder queuedNotificationMeters(NotificationService notifications) {
		return (registry) -> Gauge
			.builder("butterfly.notifications.queued", notifications, NotificationService::pendingCount)
			.description("Notifications waiting for their recipients' next sign-in")
			.register(registry);
	}

}
