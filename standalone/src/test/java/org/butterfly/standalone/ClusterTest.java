package org.butterfly.standalone;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.config.ClusterConfiguration;
import org.butterfly.cluster.config.ClusterProperties;
import org.butterfly.cluster.postgres.PgNodeRegistry;
import org.butterfly.embeddedpg.EmbeddedPostgres;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out platform (issue 7, ARCHITECTURE §5): the admin API, a dispatch server on
 * 127.0.0.10, notification nodes on 127.0.0.11 and .12 and switchboard nodes on .13 and
 * .14, over one PostgreSQL. Node .11, switchboard .13, the dispatch server and the admin
 * API run as contexts of this JVM; node .12 and switchboard .14 in JVMs of their own, so
 * they can be killed for real. Users on different nodes chat through either switchboard;
 * the database restarts under the running cluster; then the two processes are killed.
 * (Presence, list changes, alerts and {@code OUT OTH} across notification nodes are
 * notification-server's MultiNodeTest.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration START = Duration.ofSeconds(120);

	private static final Duration EXPIRY = Duration.ofSeconds(3);

	private static final String PASSWORD = "correct horse";

	private static final String TOKEN = "cluster-test-token";

	private static final AtomicInteger runs = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private static Process ns2Process;

	private static Process sb2Process;

	private static InetSocketAddress ds;

	private static InetSocketAddress ns1;

	private static InetSocketAddress ns2;

	private static String sb1;

	private static String sb2;

	private static NodeRegistry registry;

	private static AdminClient admin;

	@BeforeAll
	static void startCluster() throws Exception {
		postgres = EmbeddedPostgres.builder().durable(false).build();
		postgres.start();
		registry = new PgNodeRegistry(
				ClusterConfiguration
					.direct(new ClusterProperties.Database(postgres.jdbcUrl("postgres"), postgres.superuser(), "")),
				EXPIRY);
		int adminPort = freePort("127.0.0.1");
		contexts
			.add(Role.ADMIN_API.start(variables(Map.of("BUTTERFLY_ADMIN_PORT", String.valueOf(adminPort))), Map.of()));
		admin = new AdminClient("http://127.0.0.1:" + adminPort, TOKEN);

		ns1 = new InetSocketAddress("127.0.0.11", freePort("127.0.0.11"));
		ns2 = new InetSocketAddress("127.0.0.12", freePort("127.0.0.12"));
		sb1 = "127.0.0.13:" + freePort("127.0.0.13");
		sb2 = "127.0.0.14:" + freePort("127.0.0.14");
		ns2Process = process("ns2", Role.NOTIFICATION, notification(ns2));
		sb2Process = process("sb2", Role.SWITCHBOARD, switchboard(sb2));
		contexts.add(Role.NOTIFICATION.start(notification(ns1), listenOn(Role.NOTIFICATION, ns1.getHostString())));
		contexts.add(Role.SWITCHBOARD.start(switchboard(sb1), listenOn(Role.SWITCHBOARD, "127.0.0.13")));
		await("both notification and both switchboard nodes registered", START,
				() -> live(NodeRegistry.NOTIFICATION).size() == 2 && live(NodeRegistry.SWITCHBOARD).size() == 2);
		ds = new InetSocketAddress("127.0.0.10", freePort("127.0.0.10"));
		Map<String, String> dispatch = variables(
				Map.of("BUTTERFLY_DS_PORT", String.valueOf(ds.getPort()), "BUTTERFLY_ADVERTISED_HOST", "127.0.0.10"));
		Map<String, String> properties = new HashMap<>(listenOn(Role.DISPATCH, "127.0.0.10"));
		properties.put("spring.main.web-application-type", "none");
		contexts.add(Role.DISPATCH.start(dispatch, properties));
	}

	@AfterAll
	static void stopCluster() {
		for (Process process : new Process[] { ns2Process, sb2Process }) {
			if (process != null) {
				process.destroyForcibly();
			}
		}
		for (int i = contexts.size() - 1; i >= 0; i--) {
			contexts.get(i).close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void usersOnDifferentNodesChatThroughEitherSwitchboard() throws Exception {
		Map<String, String> chat = chat(ns1, ns2);
		assertThat(Set.of(chat.get("sb"), chat.get("sbOther"))).as("two referrals in a row, one per switchboard")
			.containsExactlyInAnyOrder(sb1, sb2);
		assertThat(chat.get("sbBob")).isIn(sb1, sb2);
	}

	@Test
	@Order(2)
	void chatWorksAgainAfterTheDatabaseRestarts() throws Exception {
		postgres.restart();
		// Every node heartbeats again, none was presumed dead by the others.
		await("four live nodes after the restart", START,
				() -> live(NodeRegistry.NOTIFICATION).size() == 2 && live(NodeRegistry.SWITCHBOARD).size() == 2);
		chat(ns1, ns2);
		chat(ns2, ns1);
	}

	@Test
	@Order(3)
	void killedNodesAreForgottenAndTheirUsersSignInAgain() throws Exception {
		int run = runs.incrementAndGet();
		String alice = "alice-" + run + "@example.com";
		String bob = "bob-" + run + "@example.com";
		String carol = "carol-" + run + "@example.com";
		for (String user : List.of(alice, bob, carol)) {
			admin.createAccount(user, user.substring(0, 1).toUpperCase() + user.substring(1, user.indexOf('-')),
					PASSWORD);
		}
		admin.addToList(alice, "FL", bob);
		admin.addToList(bob, "FL", alice);
		try (MsnpTestClient watcher = signIn(ns1, alice); MsnpTestClient victim = signIn(ns2, bob)) {
			online(victim, "BSY");
			online(watcher, "NLN");
			assertThat(watcher.nextFrame(TIMEOUT).line()).isEqualTo("ILN 4 BSY " + bob + " Bob");
			assertThat(victim.nextFrame(TIMEOUT).line()).isEqualTo("NLN NLN " + alice + " Alice");
			// Acknowledged just before the crash, so it must survive it.
			victim.send(Frame.of("ADD", "5", "FL", carol, "Carol"));
			assertThat(victim.nextFrame(TIMEOUT).line()).startsWith("ADD 5 FL ");

			ns2Process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			assertThat(watcher.nextFrame(EXPIRY.multipliedBy(3)).line()).as("the dead node's user goes offline")
				.isEqualTo("FLN " + bob);
		}
		await("the dead node gone from the registry", TIMEOUT, () -> live(NodeRegistry.NOTIFICATION).size() == 1);
		assertThat(referral(bob)).as("the dispatch server refers to the survivor").isEqualTo(address(ns1));
		try (MsnpTestClient again = signIn(ns1, bob)) {
			again.send(Frame.of("LST", "6", "FL"));
			List<String> fl = List.of(again.nextFrame(TIMEOUT).line(), again.nextFrame(TIMEOUT).line());
			assertThat(fl).as("the change before the crash is kept")
				.anyMatch((line) -> line.contains(" " + carol + " "));
		}

		sb2Process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		await("the dead switchboard gone from the registry", TIMEOUT, () -> live(NodeRegistry.SWITCHBOARD).size() == 1);
		// The notification node reads the live switchboards once a second.
		Thread.sleep(1100);
		Map<String, String> chat = chat(ns1, ns1);
		assertThat(List.of(chat.get("sb"), chat.get("sbOther"), chat.get("sbBob"))).containsOnly(sb1);
	}

	/**
	 * Runs the cross-node chat with two fresh accounts, alice on {@code aliceNode} and
	 * bob on {@code bobNode}.
	 * @return the transcript's variables
	 */
	private static Map<String, String> chat(InetSocketAddress aliceNode, InetSocketAddress bobNode) throws Exception {
		int run = runs.incrementAndGet();
		String alice = "alice-" + run + "@example.com";
		String bob = "bob-" + run + "@example.com";
		admin.createAccount(alice, "Alice", PASSWORD);
		admin.createAccount(bob, "Bob", PASSWORD);
		TranscriptRunner runner = new TranscriptRunner(Map.of(), TIMEOUT).with("alice", alice)
			.with("bob", bob)
			.with("password", PASSWORD)
			.with("aliceNs", address(aliceNode))
			.with("bobNs", address(bobNode));
		runner.run("/transcripts/cluster/chat-across-nodes.msnp");
		return runner.variables();
	}

	private static MsnpTestClient signIn(InetSocketAddress node, String handle) {
		MsnpTestClient client = MsnpTestClient.connect(node);
		client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
		assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		String salt = client.nextFrame(TIMEOUT).token(3);
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(salt, PASSWORD)));
		assertThat(client.nextFrame(TIMEOUT).line()).startsWith("USR 3 OK " + handle);
		assertThat(client.nextFrame(TIMEOUT).verb()).as("the profile").isEqualTo("MSG");
		return client;
	}

	private static void online(MsnpTestClient client, String status) {
		client.send(Frame.of("CHG", "4", status));
		assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("CHG 4 " + status);
	}

	/** The notification node the dispatch server refers {@code handle} to. */
	private static String referral(String handle) {
		try (MsnpTestClient client = MsnpTestClient.connect(ds)) {
			client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
			client.send(Frame.of("USR", "2", "MD5", "I", handle));
			Frame referral = client.nextFrame(TIMEOUT);
			assertThat(referral.verb()).isEqualTo("XFR");
			return referral.token(2);
		}
	}

	// ---- the cluster's processes

	/** What every role of the cluster reads from its environment. */
	private static Map<String, String> variables(Map<String, String> own) {
		Map<String, String> variables = new HashMap<>();
		variables.put("BUTTERFLY_DATABASE_URL", postgres.jdbcUrl("postgres"));
		variables.put("BUTTERFLY_DATABASE_USER", postgres.superuser());
		variables.put("BUTTERFLY_CLUSTER_MODE", "postgres");
		variables.put("BUTTERFLY_SCHEMA", "migrate");
		variables.put("BUTTERFLY_ADMIN_TOKEN", TOKEN);
		variables.put("BUTTERFLY_SECRET_KEY", "cluster-test-secret-key-of-at-least-32-bytes");
		variables.putAll(own);
		return variables;
	}

	private static Map<String, String> notification(InetSocketAddress node) {
		return variables(Map.of("BUTTERFLY_NS_PORT", String.valueOf(node.getPort()), "BUTTERFLY_ADVERTISED_HOST",
				node.getHostString()));
	}

	private static Map<String, String> switchboard(String node) {
		String[] hostPort = node.split(":");
		return variables(Map.of("BUTTERFLY_SB_PORT", hostPort[1], "BUTTERFLY_ADVERTISED_HOST", hostPort[0]));
	}

	/** Binds the role's listener to its own address, and beats fast. */
	private static Map<String, String> listenOn(Role role, String host) {
		String listener = switch (role) {
			case NOTIFICATION -> "butterfly.notification.listener.host";
			case SWITCHBOARD -> "butterfly.switchboard.listener.host";
			case DISPATCH -> "butterfly.dispatch.listener.host";
			case ADMIN_API -> throw new IllegalArgumentException("no MSNP listener");
		};
		return Map.of(listener, host, "butterfly.cluster.heartbeat", "500ms", "butterfly.cluster.expiry",
				EXPIRY.toSeconds() + "s", "butterfly.directory.bcrypt-strength", "4");
	}

	/** The role in a JVM of its own, from this JVM's class path; output in target/. */
	private static Process process(String name, Role role, Map<String, String> variables) throws IOException {
		String host = variables.get("BUTTERFLY_ADVERTISED_HOST");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						System.getProperty("java.class.path"), role.application().getName()));
		command.addAll(role.arguments(variables, listenOn(role, host)));
		Path logs = Files.createDirectories(Path.of("target", "cluster-logs"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File(logs.toFile(), name + ".log"))
			.start();
	}

	private static List<ClusterNode> live(String role) {
		try {
			return registry.live(role);
		}
		catch (RuntimeException ex) {
			// The database restarting.
			return List.of();
		}
	}

	private static String address(InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

	private static int freePort(String host) throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
			return socket.getLocalPort();
		}
	}

	private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what + "; live: "
						+ live(NodeRegistry.NOTIFICATION).stream()
							.map(ClusterNode::address)
							.collect(Collectors.toList())
						+ live(NodeRegistry.SWITCHBOARD).stream()
							.map(ClusterNode::address)
							.collect(Collectors.toList()));
			}
			Thread.sleep(100);
		}
	}

}
