package org.butterfly.dispatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import org.butterfly.dispatch.config.DispatchProperties;
import org.butterfly.dispatch.config.DispatchServerConfiguration;
import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.dispatch.session.DsState;
import org.butterfly.protocol.pipeline.HandlerNames;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.AdvertisedAddress;
import org.butterfly.server.ListenerProperties;
import org.butterfly.server.NettyServer;
import org.butterfly.server.SessionDrainer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DispatchServerApplicationTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Autowired
	private ApplicationContext context;

	@Autowired
	private NettyServer listener;

	@LocalServerPort
	private int httpPort;

	@Test
	void startsWithoutAnyDatabase() {
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
		assertThat(this.listener.isRunning()).isTrue();
		assertThat(this.listener.role()).isEqualTo("ds");
	}

	@Test
	void commandsRunOnTheConnectionsDispatchWorkerNotOnTheEventLoop() throws Exception {
		try (MsnpTestClient client = MsnpTestClient.connect(this.listener.localAddress())) {
			client.send(Frame.of("VER", "1", "MSNP5"));
			assertThat(client.nextFrame(WAIT)).isEqualTo(Frame.of("VER", "1", "MSNP5"));
			Channel channel = this.listener.connections()
				.stream()
				.filter((connection) -> connection.remoteAddress().equals(client.channel().localAddress()))
				.findFirst()
				.orElseThrow();
			DispatchSession session = DispatchSession.of(channel);
			assertThat(session.executor()).isSameAs(channel.pipeline().context(HandlerNames.DISPATCHER).executor());
			assertThat(session.executor().submit(() -> Thread.currentThread().getName()).get())
				.startsWith("ds-worker-");
			assertThat(channel.eventLoop().submit(() -> Thread.currentThread().getName()).get()).startsWith("ds-io-");
			assertThat(session.executor().submit(session::state).get()).isEqualTo(DsState.DIALECT_SET);
		}
	}

	@Test
	void theDocumentedEnvironmentVariablesConfigureTheServer() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DispatchServerApplication.class).run(
				"--spring.main.web-application-type=none", "--butterfly.dispatch.listener.host=127.0.0.1",
				"--BUTTERFLY_DS_PORT=0", "--BUTTERFLY_ADVERTISED_HOST=127.0.0.7",
				"--BUTTERFLY_NS_ADDRESSES=127.0.0.21:1864,127.0.0.22:1865")) {
			NettyServer server = app.getBean(NettyServer.class);
			assertThat(server.advertisedAddress())
				.isEqualTo(new AdvertisedAddress("127.0.0.7", server.localAddress().getPort()));
			assertThat(app.getBean(DispatchProperties.class).notificationAddresses())
				.containsExactly(new AdvertisedAddress("127.0.0.21", 1864), new AdvertisedAddress("127.0.0.22", 1865));
			assertThat(app.getBean(DispatchProperties.class).listener().idle().preAuthentication())
				.isEqualTo(Duration.ofSeconds(60));
		}
	}

	@Test
	void msnp7ReferralsNameTheDispatchListenerEvenBesideOtherListeners() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DispatchServerApplication.class,
				AnotherRole.class)
			.profiles("test")
			.run("--spring.main.web-application-type=none", "--butterfly.dispatch.listener.local-name=")) {
			assertThat(app.getBeansOfType(NettyServer.class)).hasSize(2);
			NettyServer dispatch = app.getBean(DispatchServerConfiguration.LISTENER, NettyServer.class);
			try (MsnpTestClient client = MsnpTestClient.connect(dispatch.localAddress())) {
				client.send(Frame.of("VER", "1", "MSNP7"));
				client.send(Frame.of("USR", "2", "MD5", "I", "alice@hotmail.com"));
				assertThat(client.nextFrame(WAIT)).isEqualTo(Frame.of("VER", "1", "MSNP7"));
				assertThat(client.nextFrame(WAIT)).isEqualTo(
						Frame.of("XFR", "2", "NS", "127.0.0.1:1864", "0", dispatch.advertisedAddress().toString()));
			}
		}
	}

	@Test
	void livenessAndReadinessProbesAreUp() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String probe : new String[] { "liveness", "readiness" }) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/health/" + probe))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"UP\"");
		}
	}

	@Test
	void prometheusCountsAReferralAndInfoNamesTheVersion() throws Exception {
		try (MsnpTestClient client = MsnpTestClient.connect(this.listener.localAddress())) {
			client.send(Frame.of("VER", "1", "MSNP5"));
			client.send(Frame.of("USR", "2", "MD5", "I", "alice@hotmail.com"));
			assertThat(client.nextFrame(WAIT).verb()).isEqualTo("VER");
			assertThat(client.nextFrame(WAIT).verb()).isEqualTo("XFR");
			assertThat(client.next(WAIT)).as("a referral ends the conversation").isSameAs(MsnpTestClient.CLOSED);
		}
		HttpClient http = HttpClient.newHttpClient();
		String metrics = "";
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!metrics.contains("reason=\"completed\"") && System.nanoTime() < deadline) {
			metrics = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		assertThat(metrics).containsPattern("butterfly_commands_total\\{[^}]*role=\"ds\",verb=\"USR\"} [1-9]")
			.containsPattern("butterfly_closes_total\\{[^}]*reason=\"completed\",role=\"ds\"} [1-9]")
			.containsPattern("butterfly_connections\\{[^}]*role=\"ds\"}");
		String info = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/info")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(info).contains("\"app\":\"dispatch-server\"").containsPattern("\"version\":\"\\d+\\.\\d+");
	}

	@Test
	void shuttingDownClosesOpenConnections() {
		ConfigurableApplicationContext app = start("butterfly.dispatch.listener.shutdown-grace=10s");
		NettyServer server = app.getBean(NettyServer.class);
		try (MsnpTestClient client = MsnpTestClient.connect(server.localAddress())) {
			client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			assertThat(client.nextFrame(WAIT)).isEqualTo(Frame.of("VER", "1", "MSNP5", "CVR0"));
			long started = System.nanoTime();
			app.close();
			assertThat(client.next(WAIT)).isSameAs(MsnpTestClient.CLOSED);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("closed, not left to the grace period")
				.isLessThan(Duration.ofSeconds(5));
		}
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void refusesToStartWithAnAdvertisedHostName() {
		assertThatException().isThrownBy(() -> start("butterfly.dispatch.listener.advertised-host=ds.example.net"))
			.havingRootCause()
			.withMessageContaining("ds.example.net")
			.withMessageContaining("dotted-quad");
	}

	@Test
	void refusesToStartWithANotificationServerHostName() {
		assertThatException()
			.isThrownBy(() -> start("butterfly.dispatch.notification-servers=127.0.0.1:1864,ns.example.net:1864"))
			.havingRootCause()
			.withMessageContaining("ns.example.net")
			.withMessageContaining("allow-hostnames");
	}

	@Test
	void startsWithHostNamesWhenExplicitlyAllowed() {
		try (ConfigurableApplicationContext app = start("butterfly.dispatch.listener.allow-hostnames=true",
				"butterfly.dispatch.listener.advertised-host=ds.example.net",
				"butterfly.dispatch.notification-servers=ns.example.net:1864")) {
			assertThat(app.getBean(NettyServer.class).advertisedAddress().host()).isEqualTo("ds.example.net");
		}
	}

	/**
	 * Another role's listener in the same JVM, as in a one-JVM deployment. Not a
	 * {@code @Configuration}: that would become this test class's configuration.
	 */
	static class AnotherRole {

		@Bean
		NettyServer anotherListener() {
			ListenerProperties listener = new Binder(new MapConfigurationPropertySource(
					Map.of("l.host", "127.0.0.1", "l.advertised-host", "127.0.0.9", "l.worker-threads", "1")))
				.bindOrCreate("l", ListenerProperties.class);
			return new NettyServer("other", listener, (dispatchers) -> new ChannelInitializer<>() {
				@Override
				protected void initChannel(Channel channel) {
				}
			}, SessionDrainer.none());
		}

	}

	/**
	 * A second instance of the application, without HTTP and without the in-JVM name;
	 * {@code properties} override the test profile, as command-line arguments do.
	 */
	private static ConfigurableApplicationContext start(String... properties) {
		String[] arguments = Stream
			.concat(Stream.of("spring.main.web-application-type=none", "butterfly.dispatch.listener.local-name="),
					Stream.of(properties))
			.map((property) -> "--" + property)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(DispatchServerApplication.class).profiles("test").run(arguments);
	}

}
