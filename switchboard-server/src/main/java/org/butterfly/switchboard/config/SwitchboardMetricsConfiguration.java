package org.butterfly.switchboard.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.butterfly.switchboard.room.RoomRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The switchboard's own meters (docs/operations.md, "Metrics"); connections, commands
 * ({@code MSG} are the messages), sign-ins and closes are measured by the listener
 * itself.
 */
@Configuration(proxyBeanMethods = false)
public class SwitchboardMetricsConfiguration {

	/** {@code butterfly.switchboard.rooms}: the chat rooms open on this node. */
	@Bean
	MeterBinder roomMeters(RoomRegistry roomRegistry) {
		return (registry) -> Gauge.builder("butterfly.switchboard.rooms", roomRegistry, RoomRegistry::size)
			.description("Switchboard rooms open on this node")
			.register(registry);
	}

}
