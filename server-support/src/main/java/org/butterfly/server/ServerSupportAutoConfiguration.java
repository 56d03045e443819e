package org.butterfly.server;

import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;

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

	@Bean
	@ConditionalOnMissingBean
	public Disconnector disconnector() {
		return new Disconnector();
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
