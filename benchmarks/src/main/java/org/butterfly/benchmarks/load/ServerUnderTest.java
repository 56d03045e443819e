package org.butterfly.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.butterfly.admin.AdminApiApplication;
import org.butterfly.benchmarks.NotificationNode;
import org.butterfly.server.NettyServer;
import org.butterfly.switchboard.SwitchboardServerApplication;
import org.butterfly.testdb.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Butterfly for the load generator, in a JVM of its own so that its heap holds nothing of
 * the clients: an embedded PostgreSQL, one or two notification nodes (127.0.0.11,
 * 127.0.0.12) and a switchboard in one cluster, and accounts whose lists the generator
 * expects, and with {@code admin} the admin API too (for the alerts scenario). Reports on
 * standard output, one line each: {@code node host:port}, {@code jdbc url user password},
 * {@code admin http://host:port token} if started, then {@code ready}; answers
 * {@code heap} on standard input with {@code heap <bytes>} (used heap after full
 * collections) and stops on {@code quit} or end of input.
 *
 * <pre>
 * java -cp ... org.butterfly.benchmarks.load.ServerUnderTest users contacts nodes accounts.csv [admin]
 * </pre>
 */
public final class ServerUnderTest {

	/** Every account's password. */
	static final String PASSWORD = "secret";

	private ServerUnderTest() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 4 && !(args.length == 5 && args[4].equals("admin"))) {
			throw new IllegalArgumentException("usage: ServerUnderTest users contacts nodes accounts.csv [admin]");
		}
		int users = Integer.parseInt(args[0]);
		int contacts = Integer.parseInt(args[1]);
		int nodes = Integer.parseInt(args[2]);
		if (users < 1 || contacts < 0 || contacts >= users || nodes < 1 || nodes > 2) {
			throw new IllegalArgumentException("need users >= 1, 0 <= contacts < users, 1 or 2 nodes");
		}
		// Spring's and the nodes' output must not mix with the protocol on stdout.
		PrintStream out = System.out;
		System.setOut(System.err);
		TestDatabase database = NotificationNode.migratedDatabase();
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		try {
			for (int node = 0; node < nodes; node++) {
				contexts.add(NotificationNode.startInCluster(database, "127.0.0." + (11 + node)));
			}
			contexts.add(switchboard(database));
			populate(contexts.get(0), users, contacts, Path.of(args[3]));
			for (int node = 0; node < nodes; node++) {
				NettyServer server = contexts.get(node).getBean(NettyServer.class);
				out.println("node " + server.localAddress().getHostString() + ":" + server.localAddress().getPort());
			}
			out.println("jdbc " + database.jdbcUrl() + " " + database.username() + " " + database.password());
			if (args.length == 5) {
				String token = UUID.randomUUID().toString();
				ConfigurableApplicationContext admin = adminApi(database, token);
				contexts.add(admin);
				int port = ((WebServerApplicationContext) admin).getWebServer().getPort();
				out.println("admin http://127.0.0.1:" + port + " " + token);
			}
			out.println("ready");
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
				if (line.equals("heap")) {
					out.println("heap " + usedHeapAfterGc());
					out.flush();
				}
			}
		}
		finally {
			contexts.forEach(ConfigurableApplicationContext::close);
		}
		System.exit(0);
	}

	/** The used heap after full collections, until it stops shrinking (at most 5). */
	static long usedHeapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			if (now >= used * 0.99) {
				return Math.min(now, used);
			}
			used = now;
		}
		return used;
	}

	private static ConfigurableApplicationContext switchboard(TestDatabase database) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		return new SpringApplicationBuilder(SwitchboardServerApplication.class).run(
				"--butterfly.switchboard.listener.host=127.0.0.1", "--butterfly.switchboard.listener.port=" + port,
				"--butterfly.switchboard.listener.advertised-host=127.0.0.1", "--logging.level.root=WARN",
				"--butterfly.switchboard.listener.limits.commands-per-second=0",
				"--butterfly.switchboard.listener.limits.connections-per-address=0",
				"--spring.application.name=switchboard-server", "--spring.main.web-application-type=none",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--butterfly.cluster.mode=postgres",
				"--butterfly.cluster.database.url=" + database.jdbcUrl(),
				"--butterfly.cluster.database.username=" + database.username(),
				"--butterfly.cluster.database.password=" + database.password());
	}

	/**
	 * The admin API on a free port, in the cluster: its NOTs reach the nodes over the
	 * bus. It reads no application.yml (the first on this shared class path may be
	 * another app's), so everything it needs is given here.
	 */
	private static ConfigurableApplicationContext adminApi(TestDatabase database, String token) {
		return new SpringApplicationBuilder(AdminApiApplication.class).run(
				"--spring.config.location=optional:classpath:/loadgen-admin-api/", "--server.address=127.0.0.1",
				"--server.port=0", "--spring.application.name=admin-api", "--spring.jpa.open-in-view=false",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--butterfly.admin.token=" + token,
				"--butterfly.mode=local", "--butterfly.schema=validate", "--butterfly.directory.schema=none",
				"--butterfly.cluster.mode=postgres", "--butterfly.cluster.database.url=" + database.jdbcUrl(),
				"--butterfly.cluster.database.username=" + database.username(),
				"--butterfly.cluster.database.password=" + database.password(), "--logging.level.root=WARN");
	}

	/** The accounts as {@code email,password} lines, the format of {@code --accounts}. */
	private static void populate(ConfigurableApplicationContext node, int users, int contacts, Path file)
			throws Exception {
		StringBuilder csv = new StringBuilder();
		for (String handle : NotificationNode.populate(node, "load", users, contacts, PASSWORD)) {
			csv.append(handle).append(',').append(PASSWORD).append('\n');
		}
		Files.writeString(file, csv);
	}

}
