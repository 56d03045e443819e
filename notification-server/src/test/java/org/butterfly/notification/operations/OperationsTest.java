package org.butterfly.notification.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.butterfly.cluster.NodeMembership;
import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification server as operators see it, over HTTP on its management port: a real
 * node (its own context, the cluster in PostgreSQL, JSON logs) that MSNP clients use,
 * then {@code /actuator/prometheus}, the readiness probe and the log lines. The node is
 * stopped by the last test.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsTest {

	private static final String PASSWORD = "secret";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final AtomicInteger accountNumbers = new AtomicInteger();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static TestDatabase database;

	private static ConfigurableApplicationContext node;

	private static NettyServer server;

	private static String management;

	@BeforeAll
	static void start() {
		database = TestDatabase.create();
		DirectorySchema.migrate(database.dataSource());
		ClusterSchema.migrate(database.dataSource());
		node = new SpringApplicationBuilder(NotificationServerApplication.class).run(
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.datasource.hikari.connection-timeout=1000", "--butterfly.cluster.mode=postgres",
				"--butterfly.cluster.heartbeat=300ms", "--butterfly.cluster.expiry=3s",
				"--butterfly.notification.listener.host=127.0.0.1", "--butterfly.notification.listener.port=0",
				"--butterfly.notification.listener.shutdown-grace=3s", "--butterfly.directory.bcrypt-strength=4",
				"--server.port=0", "--BUTTERFLY_LOG_FORMAT=json", "--logging.level.butterfly.events=debug");
		server = node.getBean(NettyServer.class);
		management = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stop() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	@Order(1)
	void prometheusCountsWhatAScriptedSessionDid() {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		new TranscriptRunner(Map.of("ns", server.localAddress()), Duration.ofSeconds(5)).with("password", PASSWORD)
			.with("alice", alice)
			.with("bob", bob)
			.run("/transcripts/operations/counted-session.msnp");

		// The server counts a close when it sees the connection end: bob's comes last.
		String metrics = awaitMetrics((text) -> value(text, "butterfly_closes_total", "reason", "client_hangup") == 1);
		assertThat(value(metrics, "butterfly_sign_ins_total", "result", "ok")).isEqualTo(2);
		assertThat(value(metrics, "butterfly_sign_ins_total", "result", "failed")).isEqualTo(1);
		assertThat(value(metrics, "butterfly_sign_in_failures_total", "reason", "authentication_failed")).isEqualTo(1);
		assertThat(value(metrics, "butterfly_commands_total", "verb", "VER")).isEqualTo(3);
		assertThat(value(metrics, "butterfly_commands_total", "verb", "USR")).isEqualTo(6);
		assertThat(value(metrics, "butterfly_commands_total", "verb", "CHG")).isEqualTo(1);
		assertThat(value(metrics, "butterfly_commands_total", "verb", "OUT")).isEqualTo(1);
		assertThat(value(metrics, "butterfly_command_errors_total", "verb", "USR", "code", "911")).isEqualTo(1);
		assertThat(value(metrics, "butterfly_closes_total", "reason", "refused")).isEqualTo(1);
		assertThat(value(metrics, "butterfly_closes_total", "reason", "client_quit")).isEqualTo(1);
		assertThat(value(metrics, "butterfly_connections_opened_total", "role", "ns")).isEqualTo(3);
		assertThat(value(metrics, "butterfly_connections", "role", "ns")).isZero();
		// Signed in with each dialect once, and signed out since.
		assertThat(value(metrics, "butterfly_sessions", "dialect", "MSNP5")).isZero();
		assertThat(value(metrics, "butterfly_sessions", "dialect", "MSNP7")).isZero();
		// alice's NLN and her leaving went through the fan-out.
		assertThat(value(metrics, "butterfly_presence_fanout_seconds_count")).isGreaterThanOrEqualTo(2);
		assertThat(metrics).contains("butterfly_notifications_queued ", "butterfly_bus_lag_seconds_count",
				"hikaricp_connections_active");
	}

	@Test
	@Order(2)
	void infoNamesTheAppTheVersionAndTheNodeId() throws Exception {
		JsonNode info = new ObjectMapper().readTree(get("/actuator/info").body());
		assertThat(info.path("butterfly").path("app").asString()).isEqualTo("notification-server");
		assertThat(info.path("butterfly").path("version").asString()).matches("\\d+\\.\\d+.*");
		assertThat(info.path("node").path("id").asString()).isEqualTo(node.getBean(NodeMembership.class).id());
		assertThat(info.path("node").path("cluster").asString()).isEqualTo("postgres");
	}

	/**
	 * Every {@code butterfly_*} meter of the Grafana dashboard is documented, and those
	 * of a notification node are in its scrape (the switchboard's in its own test).
	 */
	@Test
	@Order(3)
	void theDashboardShowsDocumentedMetersThisNodeExports() throws Exception {
		String dashboard = Files.readString(Path.of("..", "deploy", "grafana", "butterfly.json"));
		String operations = Files.readString(Path.of("..", "docs", "operations.md"));
		assertThat(new ObjectMapper().readTree(dashboard).path("panels").size()).as("panels of a valid dashboard")
			.isGreaterThanOrEqualTo(10);
		String metrics = get("/actuator/prometheus").body();
		Matcher meter = Pattern.compile("\\b(butterfly_[a-z_]+?)(_total|_sum|_count|_max)?\\b").matcher(dashboard);
		int meters = 0;
		while (meter.find()) {
			String name = meter.group(1);
			assertThat(operations).as("docs/operations.md documents %s", name).contains("`" + name);
			if (!name.startsWith("butterfly_switchboard_")) {
				assertThat(metrics).as("the node exports %s", meter.group()).contains(meter.group());
			}
			meters++;
		}
		assertThat(meters).isGreaterThanOrEqualTo(10);
		assertThat(metrics).as("the dashboard's pool panel").contains("hikaricp_connections_pending");
	}

	@Test
	@Order(4)
	void jsonLogLinesCarryTheConnectionContext(CapturedOutput output) throws Exception {
		String carol = account("carol", "Carol");
		try (MsnpTestClient client = signIn(carol)) {
			client.send(Frame.of("OUT"));
			assertThat(client.nextFrame(Duration.ofSeconds(5)).line()).isEqualTo("OUT");
		}
		ObjectMapper json = new ObjectMapper();
		JsonNode line = awaitLogLine(output, json, (entry) -> entry.toString().contains("CLIENT_QUIT")
				&& carol.equals(entry.path("account").asString(null)));
		assertThat(line.path("node").asString()).isEqualTo("ns@" + server.advertisedAddress());
		assertThat(line.path("remote").asString()).startsWith("/127.0.0.1:");
		assertThat(line.path("message").asString()).contains("closing");
	}

	@Test
	@Order(5)
	void readinessFollowsTheDatabase() throws Exception {
		assertThat(await("/actuator/health/readiness", 200)).contains("\"db\"", "\"cluster\"", "\"listener\"");
		TestDatabase.server().stop();
		try {
			String down = await("/actuator/health/readiness", 503);
			assertThat(down).contains("\"db\":{\"status\":\"DOWN\"");
			assertThat(get("/actuator/health/liveness").statusCode()).as("alive all the same").isEqualTo(200);
		}
		finally {
			TestDatabase.server().start();
		}
		await("/actuator/health/readiness", 200);
	}

	@Test
	@Order(6)
	void aDrainingNodeIsNotReady() throws Exception {
		String dave = account("dave", "Dave");
		try (MsnpTestClient client = signIn(dave)) {
			CompletableFuture<Void> stopped = new CompletableFuture<>();
			server.stop(() -> stopped.complete(null));
			assertThat(client.nextFrame(Duration.ofSeconds(5)).line()).isEqualTo("OUT SSD");
			String draining = await("/actuator/health/readiness", 503);
			assertThat(draining).contains("\"listener\":{\"status\":\"DOWN\"");
			stopped.get();
		}
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	private static String account(String name, String friendlyName) {
		String email = name + "-ops-" + accountNumbers.incrementAndGet() + "@example.com";
		node.getBean(AccountService.class).create(new NewAccount(email, PASSWORD, friendlyName, Profile.DEFAULT));
		return email;
	}

	private static MsnpTestClient signIn(String handle) {
		MsnpTestClient client = MsnpTestClient.connect(server.localAddress());
		client.send(Frame.of("VER", "1", "MSNP5"));
		assertThat(client.nextFrame(Duration.ofSeconds(5)).line()).isEqualTo("VER 1 MSNP5");
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		Frame challenge = client.nextFrame(Duration.ofSeconds(5));
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(challenge.token(3), PASSWORD)));
		assertThat(client.nextFrame(Duration.ofSeconds(5)).line()).startsWith("USR 3 OK " + handle);
		assertThat(client.nextFrame(Duration.ofSeconds(5)).verb()).isEqualTo("MSG");
		return client;
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(management + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Polls until the endpoint answers with the status; returns the body. */
	private static String await(String path, int status) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		HttpResponse<String> response = get(path);
		while (response.statusCode() != status && System.nanoTime() < deadline) {
			Thread.sleep(200);
			response = get(path);
		}
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
		return response.body();
	}

	private static String awaitMetrics(Predicate<String> ready) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			String text = get("/actuator/prometheus").body();
			while (!ready.test(text) && System.nanoTime() < deadline) {
				Thread.sleep(100);
				text = get("/actuator/prometheus").body();
			}
			return text;
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	private static JsonNode awaitLogLine(CapturedOutput output, ObjectMapper json, Predicate<JsonNode> wanted)
			throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		do {
			for (String line : output.getOut().split("\\R")) {
				if (line.startsWith("{")) {
					JsonNode entry = json.readTree(line);
					if (wanted.test(entry)) {
						return entry;
					}
				}
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("no such JSON log line in:\n" + output.getOut());
	}

	/**
	 * The sum of the samples of a meter whose labels include the given ones, in the
	 * Prometheus text format; -1 when there is none.
	 */
	private static double value(String metrics, String name, String... labels) {
		Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
		Matcher matcher = sample.matcher(metrics);
		double sum = 0;
		boolean found = false;
		while (matcher.find()) {
			String tags = (matcher.group(1) != null) ? matcher.group(1) : "";
			boolean matches = true;
			for (int i = 0; i < labels.length; i += 2) {
				matches &= tags.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
			}
			if (matches) {
				sum += Double.parseDouble(matcher.group(2));
				found = true;
			}
		}
		return found ? sum : -1;
	}

}
