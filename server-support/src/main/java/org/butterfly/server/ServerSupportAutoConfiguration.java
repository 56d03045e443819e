package org.butterfly.server;

import java.util.List;

import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The stateless pieces every MSNP server's pipeline shares: one {@link Disconnector}, the
 * tail {@link ProtocolExceptionHandler} and the {@link IdleTimeoutHandler} that both
 * close through it. An application replaces any of them by declaring its own bean.
 * <p>
 * Listeners are not auto-configured: each application builds its {@link NettyServer} from
 * its own {@link ListenerProperties} and pipeline. Every listener is measured in the
 * application's {@link MeterRegistry} when it has one, and reports its health as the
 * {@code listener} component (part of readiness: a draining node is not ready).
 */
@AutoConfiguration
public class ServerSupportAutoConfiguration {

	/** Counts closes by kind; a metrics registry adds its own {@link CloseCounter}. */
	@Bean
	@ConditionalOnMissingBean
	public CloseCounts closeCounts() {
		return new CloseCounts();
	}

	@Bean
	@ConditionalOnMissingBean
	public Disconnector disconnector(ObjectProvider<CloseCounter> counters) {
		List<CloseCounter> all = counters.orderedStream().toList();
		return new Disconnector((channel, reason) -> all.forEach((counter) -> counter.closed(reason.kind())));
	}

	@Bean
	@ConditionalOnMissingBean
	public ProtocolExceptionHandler protocolExceptionHandler(Disconnector disconnector) {
		return new ProtocolExceptionHandler(disconnector);
	}

	@Bean
	@ConditionalOnMissingBean
	public IdleTimeoutHandler idleTimeoutHandler(Disconnector disconnector) {
		return new IdleTimeoutHandler(disconnector);
	}

	/** Hands the application's meter registry, if any, to every listener. */
	@Bean
	static BeanPostProcessor nettyServerMeters(ObjectProvider<MeterRegistry> registry) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof NettyServer server) {
					server.meterRegistry(() -> registry.getIfAvailable(CompositeMeterRegistry::new));
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnBean(NettyServer.class)
	@ConditionalOnMissingBean(name = "listenerHealthIndicator")
	public ListenerHealthIndicator listenerHealthIndicator(ObjectProvider<NettyServer> servers) {
		return new ListenerHealthIndicator(servers.orderedStream().toList());
	}

}
