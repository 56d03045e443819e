package org.butterfly.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import org.butterfly.embeddedpg.EmbeddedPostgres;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.standalone.ComposeFile.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml's topology without a Docker engine: each Butterfly service runs with
 * the file's own environment, in this JVM, as the app its image holds. What only Docker
 * gives is replaced: the {@code postgres} service by an embedded PostgreSQL, each
 * container's address by a loopback address of its own (127.0.0.10 and up, so the two
 * notification nodes are told apart by address), and the published ports by free ports.
 * The container health check script runs against each service.
 */
class ComposeTopologyTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String PASSWORD = "correct horse";

	@Test
	void composeServicesWorkTogether() throws Exception {
		ComposeFile compose = ComposeFile.read(ComposeFile.PATH, Map.of());
		assertStartsInDependencyOrder(compose);
		Map<String, String> freePorts = new HashMap<>();
		Map<String, Map<String, String>> environments = new LinkedHashMap<>();
		List<ConfigurableApplicationContext> running = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().durable(false).build()) {
			postgres.start();
			int address = 10;
			try {
				for (Service service : compose.services().values()) {
					if (service.app() == null) {
						continue;
					}
					Map<String, String> environment = outsideDocker(service, postgres, freePorts, address++);
					environments.put(service.name(), environment);
					if (service.command().equals(List.of("migrate"))) {
						assertThat(Butterfly.run(new String[] { "migrate" }, environment)).isNull();
						continue;
					}
					running.add(0, Role.of(service.app()).start(environment, Map.of()));
					assertThat(healthcheck(service.app(), environment)).as("%s's health check", service.name())
						.isZero();
				}

				Map<String, String> admin = environments.get("admin-api");
				AdminClient client = new AdminClient("http://127.0.0.1:" + admin.get("BUTTERFLY_ADMIN_PORT"),
						admin.get("BUTTERFLY_ADMIN_TOKEN"));
				client.createAccount("alice@example.com", "Alice", PASSWORD);
				client.createAccount("bob@example.com", "Bob", PASSWORD);
				client.addToList("alice@example.com", "FL", "bob@example.com");
				client.addToList("bob@example.com", "FL", "alice@example.com");

				Map<String, String> dispatch = environments.get("dispatch");
				TranscriptRunner runner = new TranscriptRunner(Map.of("ds",
						new InetSocketAddress("127.0.0.1", Integer.parseInt(dispatch.get("BUTTERFLY_DS_PORT")))),
						TIMEOUT);
				runner.with("alice", "alice@example.com")
					.with("bob", "bob@example.com")
					.with("password", PASSWORD)
					.run("/transcripts/sign-in-and-presence.msnp");
				assertThat(runner.variables().get("ns")).as("the node bob was referred to")
					.isIn(advertised(environments.get("notification-1")),
							advertised(environments.get("notification-2")));
			}
			finally {
				running.forEach(ConfigurableApplicationContext::close);
			}
			assertThat(healthcheck("dispatch-server", environments.get("dispatch"))).as("a stopped node's health")
				.isNotZero();
		}
	}

	/**
	 * Compose starts a service after those it depends on: this test starts them in file
	 * order.
	 */
	private static void assertStartsInDependencyOrder(ComposeFile compose) {
		List<String> started = new ArrayList<>();
		for (Service service : compose.services().values()) {
			assertThat(started).as("%s depends on services declared before it", service.name())
				.containsAll(service.dependsOn().keySet());
			started.add(service.name());
		}
		assertThat(compose.services().get("admin-api").dependsOn()).containsEntry("migrate",
				"service_completed_successfully");
		assertThat(compose.services().get("dispatch").dependsOn()).containsEntry("notification-1", "service_healthy")
			.containsEntry("notification-2", "service_healthy");
	}

	/** The service's environment with what Docker would provide replaced. */
	private static Map<String, String> outsideDocker(Service service, EmbeddedPostgres postgres,
			Map<String, String> freePorts, int address) {
		Map<String, String> environment = new HashMap<>(service.environment());
		if (environment.containsKey("BUTTERFLY_DATABASE_URL")) {
			environment.put("BUTTERFLY_DATABASE_URL", postgres.jdbcUrl("postgres"));
			environment.put("BUTTERFLY_DATABASE_USER", postgres.superuser());
		}
		if (environment.containsKey("BUTTERFLY_ADVERTISED_HOST")) {
			environment.put("BUTTERFLY_ADVERTISED_HOST", "127.0.0." + address);
		}
		// Each port the file names becomes one free port, the same wherever it is named.
		environment.replaceAll((name, value) -> name.endsWith("_PORT")
				? freePorts.computeIfAbsent(value, (port) -> String.valueOf(freePort())) : value);
		return environment;
	}

	private static String advertised(Map<String, String> notification) {
		return notification.get("BUTTERFLY_ADVERTISED_HOST") + ":" + notification.get("BUTTERFLY_NS_PORT");
	}

	/** Runs the image's HEALTHCHECK script against a service of this JVM. */
	private static int healthcheck(String app, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "deploy", "healthcheck").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().putAll(environment);
		builder.environment().put("BUTTERFLY_APP", app);
		Process process = builder.start();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
