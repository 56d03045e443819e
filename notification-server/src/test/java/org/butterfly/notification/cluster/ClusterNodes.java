package org.butterfly.notification.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.butterfly.testdb.TestDatabase;

/**
 * Starts the processes of a test cluster: notification nodes from this module's test
 * class path, the dispatch server from its executable jar (built by the dispatch-server
 * module before this one). Their output goes to {@code target/cluster-logs}.
 */
final class ClusterNodes {

	static final String HEARTBEAT = "500ms";

	static final String EXPIRY = "3s";

	private ClusterNodes() {
	}

	/** The cluster settings every node of the test shares. */
	static List<String> clusterArguments(TestDatabase database) {
		return List.of("--butterfly.cluster.mode=postgres", "--butterfly.cluster.heartbeat=" + HEARTBEAT,
				"--butterfly.cluster.expiry=" + EXPIRY, "--butterfly.cluster.database.url=" + database.jdbcUrl(),
				"--butterfly.cluster.database.username=" + database.username(),
				"--butterfly.cluster.database.password=" + database.password());
	}

	/** The arguments of a notification node listening on {@code host:port}. */
	static List<String> notificationArguments(TestDatabase database, String host, int port) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--butterfly.notification.listener.host=" + host,
				"--butterfly.notification.listener.port=" + port,
				"--butterfly.notification.listener.advertised-host=" + host,
				"--butterfly.notification.listener.shutdown-grace=1s", "--butterfly.directory.bcrypt-strength=4",
				// Each node's management port: several nodes run on this machine.
				"--server.port=0"));
		arguments.addAll(clusterArguments(database));
		return arguments;
	}

	/** A notification node in a JVM of its own, from this JVM's class path. */
	static Process notificationProcess(TestDatabase database, String host, int port, String name) {
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				"org.butterfly.notification.NotificationServerApplication"));
		command.addAll(notificationArguments(database, host, port));
		return start(command, name);
	}

	/** The dispatch server from its executable jar, in a JVM of its own. */
	static Process dispatchProcess(TestDatabase database, int port) {
		File jar = new File(System.getProperty("butterfly.dispatch.jar", "../dispatch-server/target/missing.jar"));
		if (!jar.isFile()) {
			throw new IllegalStateException("The dispatch server's jar is missing (" + jar
					+ "): build with ./mvnw install -pl cluster,dispatch-server,notification-server");
		}
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar.getAbsolutePath(),
				"--butterfly.dispatch.listener.host=127.0.0.1", "--butterfly.dispatch.listener.port=" + port,
				"--butterfly.dispatch.listener.advertised-host=127.0.0.1", "--server.port=0"));
		command.addAll(clusterArguments(database));
		return start(command, "dispatch");
	}

	static int freePort(String host) {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean accepts(InetSocketAddress address) {
		try (Socket socket = new Socket()) {
			socket.connect(address, 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private static Process start(List<String> command, String name) {
		try {
			Path logs = Files.createDirectories(Path.of("target", "cluster-logs"));
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logs.resolve(name + ".log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + name, ex);
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
