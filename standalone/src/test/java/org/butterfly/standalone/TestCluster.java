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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.config.ClusterConfiguration;
import org.butterfly.cluster.config.ClusterProperties;
import org.butterfly.cluster.postgres.PgNodeRegistry;
import org.butterfly.embeddedpg.EmbeddedPostgres;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scaled-out platform for tests (issue 7, ARCHITECTURE §5): the admin API, a dispatch
 * server on 127.0.0.10, notification nodes on 127.0.0.11 and .12 and switchboard nodes on
 * .13 and .14, over one embedded PostgreSQL. Node .11, switchboard .13, the dispatch
 * server and the admin API run as contexts of this JVM; node .12 and switchboard .14 in
 * JVMs of their own (output in {@code target/cluster-logs}), so they can be killed for
 * real. Heartbeats every 500 ms, nodes expire after {@link #EXPIRY}.
 */
final class TestCluster implements AutoCloseable {

	static final Duration EXPIRY = Duration.ofSeconds(3);

	static final String TOKEN = "cluster-test-token";

	private static final Duration START = Duration.ofSeconds(120);

	private final EmbeddedPostgres postgres;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final NodeRegistry registry;

	private final AdminClient admin;

	private final InetSocketAddress ds;

	private final InetSocketAddress ns1;

	private final InetSocketAddress ns2;

	private final String sb1;

	private final String sb2;

	private Process ns2Process;

	private Process sb2Process;

	private TestCluster() throws IOException {
		this.postgres = EmbeddedPostgres.builder().durable(false).build();
		this.postgres.start();
		this.registry = new PgNodeRegistry(ClusterConfiguration
			.direct(new ClusterProperties.Database(this.postgres.jdbcUrl("postgres"), this.postgres.superuser(), "")),
				EXPIRY);
		int adminPort = freePort("127.0.0.1");
		this.admin = new AdminClient("http://127.0.0.1:" + adminPort, TOKEN);
		this.ds = new InetSocketAddress("127.0.0.10", freePort("127.0.0.10"));
		this.ns1 = new InetSocketAddress("127.0.0.11", freePort("127.0.0.11"));
		this.ns2 = new InetSocketAddress("127.0.0.12", freePort("127.0.0.12"));
		this.sb1 = "127.0.0.13:" + freePort("127.0.0.13");
		this.sb2 = "127.0.0.14:" + freePort("127.0.0.14");
		this.contexts
			.add(Role.ADMIN_API.start(variables(Map.of("BUTTERFLY_ADMIN_PORT", String.valueOf(adminPort))), Map.of()));
	}

	/** Starts every role and waits until the four nodes are registered. */
	static TestCluster start() throws Exception {
		TestCluster cluster = new TestCluster();
		try {
			cluster.startNs2();
			cluster.sb2Process = cluster.process("sb2", Role.SWITCHBOARD, cluster.switchboard(cluster.sb2));
			cluster.contexts.add(Role.NOTIFICATION.start(cluster.notification(cluster.ns1),
					listenOn(Role.NOTIFICATION, cluster.ns1.getHostString())));
			cluster.contexts.add(
					Role.SWITCHBOARD.start(cluster.switchboard(cluster.sb1), listenOn(Role.SWITCHBOARD, "127.0.0.13")));
			cluster.await("both notification and both switchboard nodes registered", START,
					() -> cluster.live(NodeRegistry.NOTIFICATION).size() == 2
							&& cluster.live(NodeRegistry.SWITCHBOARD).size() == 2);
			Map<String, String> properties = new HashMap<>(listenOn(Role.DISPATCH, "127.0.0.10"));
			properties.put("spring.main.web-application-type", "none");
			cluster.contexts.add(Role.DISPATCH.start(cluster.variables(Map.of("BUTTERFLY_DS_PORT",
					String.valueOf(cluster.ds.getPort()), "BUTTERFLY_ADVERTISED_HOST", "127.0.0.10")), properties));
			return cluster;
		}
		catch (Exception | Error ex) {
			cluster.close();
			throw ex;
		}
	}

	InetSocketAddress ds() {
		return this.ds;
	}

	InetSocketAddress ns1() {
		return this.ns1;
	}

	InetSocketAddress ns2() {
		return this.ns2;
	}

	String sb1() {
		return this.sb1;
	}

	String sb2() {
		return this.sb2;
	}

	AdminClient admin() {
		return this.admin;
	}

	EmbeddedPostgres postgres() {
		return this.postgres;
	}

	/** Starts notification node 2, again after {@link #killNs2}. */
	void startNs2() throws IOException {
		this.ns2Process = process("ns2", Role.NOTIFICATION, notification(this.ns2));
	}

	/** Kills notification node 2 without a graceful shutdown. */
	void killNs2() throws InterruptedException {
		this.ns2Process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	/** Kills switchboard node 2 without a graceful shutdown. */
	void killSb2() throws InterruptedException {
		this.sb2Process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	/** The live nodes of a role; none while the database restarts. */
	List<ClusterNode> live(String role) {
		try {
			return this.registry.live(role);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what + "; live: "
						+ live(NodeRegistry.NOTIFICATION).stream().map(ClusterNode::address).toList()
						+ live(NodeRegistry.SWITCHBOARD).stream().map(ClusterNode::address).toList());
			}
			Thread.sleep(100);
		}
	}

	@Override
	public void close() {
		for (Process process : new Process[] { this.ns2Process, this.sb2Process }) {
			if (process != null) {
				process.destroyForcibly();
			}
		}
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
		this.postgres.close();
	}

	static String address(InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

	/** What every role of the cluster reads from its environment. */
	private Map<String, String> variables(Map<String, String> own) {
		Map<String, String> variables = new HashMap<>();
		variables.put("BUTTERFLY_DATABASE_URL", this.postgres.jdbcUrl("postgres"));
		variables.put("BUTTERFLY_DATABASE_USER", this.postgres.superuser());
		variables.put("BUTTERFLY_CLUSTER_MODE", "postgres");
		variables.put("BUTTERFLY_SCHEMA", "migrate");
		variables.put("BUTTERFLY_ADMIN_TOKEN", TOKEN);
		variables.put("BUTTERFLY_SECRET_KEY", "cluster-test-secret-key-of-at-least-32-bytes");
		variables.putAll(own);
		return variables;
	}

	private Map<String, String> notification(InetSocketAddress node) {
		return variables(Map.of("BUTTERFLY_NS_PORT", String.valueOf(node.getPort()), "BUTTERFLY_ADVERTISED_HOST",
				node.getHostString()));
	}

	private Map<String, String> switchboard(String node) {
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
	private Process process(String name, Role role, Map<String, String> variables) throws IOException {
		String host = variables.get("BUTTERFLY_ADVERTISED_HOST");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						System.getProperty("java.class.path"), role.application().getName()));
		command.addAll(role.arguments(variables, listenOn(role, host)));
		Path logs = Files.createDirectories(Path.of("target", "cluster-logs"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(logs.toFile(), name + ".log")))
			.start();
	}

	static int freePort(String host) throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
			return socket.getLocalPort();
		}
	}

}
