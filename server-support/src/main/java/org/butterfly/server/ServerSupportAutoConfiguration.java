package org.butterfly.server;

import java.util.List;

import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The stateless pieces every MSNP server's pipeline shares: one {@link Disconnector}, the
 * tail {@link ProtocolExceptionHandler} and the {@link IdleTimeoutHandler} that both
 * close through it. An application replaces any of them by declaring its own bean.
 * <p>
 * Listeners are not auto-configured: each application builds its {@link NettyServer} from
 * its own {@link ListenerProperties} and pipeline.
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

}
