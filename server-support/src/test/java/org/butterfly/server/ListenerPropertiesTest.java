package org.butterfly.server;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerPropertiesTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(TestServerConfiguration.class);

	@Test
	void defaultsAreSafeForLocalUse() {
		ListenerProperties listener = bind(Map.of());
		assertThat(listener.host()).isEqualTo("0.0.0.0");
		assertThat(listener.advertisedHost()).isEqualTo("127.0.0.1");
		assertThat(listener.allowHostnames()).isFalse();
		assertThat(listener.localName()).isNull();
		assertThat(listener.workerThreads()).isEqualTo(8);
		assertThat(listener.idle().preAuthentication()).isEqualTo(Duration.ofSeconds(60));
		assertThat(listener.idle().keepAlive()).isEqualTo(Duration.ofMinutes(5));
		assertThat(listener.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
		assertThat(listener.writeBuffer().low()).isEqualTo(DataSize.ofKilobytes(32));
		assertThat(listener.writeBuffer().high()).isEqualTo(DataSize.ofKilobytes(64));
	}

	@Test
	void relaxedNamesBindEveryField() {
		ListenerProperties listener = bind(Map.of("l.port", "1864", "l.advertised-host", "10.1.2.3", "l.local-name",
				"ns-a", "l.idle.pre-authentication", "5s", "l.idle.keep-alive", "0s", "l.write-buffer.high", "1MB"));
		assertThat(listener.port()).isEqualTo(1864);
		assertThat(listener.localName()).isEqualTo("ns-a");
		assertThat(listener.idle().preAuthentication()).isEqualTo(Duration.ofSeconds(5));
		assertThat(listener.idle().keepAlive()).isZero();
		assertThat(listener.writeBuffer().high()).isEqualTo(DataSize.ofMegabytes(1));
	}

	@Test
	void theAdvertisedPortDefaultsToTheBoundPort() {
		assertThat(bind(Map.of()).advertisedAddress(40123)).hasToString("127.0.0.1:40123");
		assertThat(bind(Map.of("l.advertised-port", "1863")).advertisedAddress(40123)).hasToString("127.0.0.1:1863");
	}

	@Test
	void anApplicationAdvertisingAHostNameRefusesToStart() {
		this.contexts.withPropertyValues("test.listener.advertised-host=messenger.example.net").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("messenger.example.net")
				.hasMessageContaining("dotted-quad");
		});
	}

	@Test
	void hostNamesStartWhenExplicitlyAllowed() {
		this.contexts
			.withPropertyValues("test.listener.advertised-host=messenger.example.net",
					"test.listener.allow-hostnames=true")
			.run((context) -> assertThat(context.getBean(TestServerProperties.class).listener().advertisedAddress(1863))
				.hasToString("messenger.example.net:1863"));
	}

	@Test
	void inconsistentSettingsRefuseToStart() {
		this.contexts.withPropertyValues("test.listener.write-buffer.low=1MB")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("write-buffer.low"));
		this.contexts.withPropertyValues("test.listener.idle.pre-authentication=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("pre-authentication"));
	}

	private static ListenerProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("l", ListenerProperties.class);
	}

	@ConfigurationProperties("test")
	record TestServerProperties(@DefaultValue ListenerProperties listener) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TestServerProperties.class)
	static class TestServerConfiguration {

	}

}
