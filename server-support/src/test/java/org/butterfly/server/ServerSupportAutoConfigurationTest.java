package org.butterfly.server;

import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSupportAutoConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerSupportAutoConfiguration.class));

	@Test
	void providesTheSharedPipelinePieces() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(Disconnector.class)
			.hasSingleBean(ProtocolExceptionHandler.class)
			.hasSingleBean(IdleTimeoutHandler.class));
	}

	@Test
	void backsOffWhenTheApplicationHasItsOwnDisconnector() {
		Disconnector own = new Disconnector();
		this.contexts.withBean(Disconnector.class, () -> own)
			.run((context) -> assertThat(context.getBean(Disconnector.class)).isSameAs(own));
	}

}
