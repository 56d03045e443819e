package org.butterfly.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.butterfly.protocol.testing.TranscriptRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat through the real servers (msnp.md §13.3-§14): the notification server hands out
 * the switchboard with a signed cookie, the switchboard rings the callee through the
 * cluster bus and the callee's notification server, and messages flow. The platform runs
 * as the README starts it, every role in its own context on one embedded PostgreSQL; each
 * transcript gets accounts of its own.
 */
class ChatTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String PASSWORD = "correct horse";

	private static final String TOKEN = "chat-test-token";

	private static final AtomicInteger runs = new AtomicInteger();

	@TempDir
	static Path home;

	private static Platform platform;

	private static Map<String, String> environment;

	private static AdminClient admin;

	@BeforeAll
	static void start() throws Exception {
		// The embedded server runs as an unprivileged user under root: it must reach the
		// folder.
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
		environment = new HashMap<>();
		for (String port : new String[] { "BUTTERFLY_DS_PORT", "BUTTERFLY_NS_PORT", "BUTTERFLY_SB_PORT",
				"BUTTERFLY_ADMIN_PORT" }) {
			environment.put(port, String.valueOf(freePort()));
		}
		environment.put("BUTTERFLY_DATA_DIR", home.resolve("pgdata").toString());
		environment.put("BUTTERFLY_ADMIN_TOKEN", TOKEN);
		platform = Butterfly.run(new String[0], environment);
		admin = new AdminClient("http://127.0.0.1:" + environment.get("BUTTERFLY_ADMIN_PORT"), TOKEN);
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void oneToOneBothWaysWithEveryAcknowledgementMode() throws Exception {
		run("one-to-one", "alice", "bob");
	}

	@Test
	void threePartiesJoinChatAndLeave() throws Exception {
		run("three-party", "alice", "bob", "carol");
	}

	@Test
	void hiddenOfflineBlockingAndUnreachableUsersAreRefused() throws Exception {
		TranscriptRunner runner = runner("alice", "bob", "carol", "dave", "erin");
		admin.addToList(runner.variables().get("dave"), "BL", runner.variables().get("alice"));
		runner.with("nobody", "nobody-" + runs.get() + "@example.com").run("/transcripts/chat/refusals.msnp");
	}

	private void run(String transcript, String... users) throws Exception {
		runner(users).run("/transcripts/chat/" + transcript + ".msnp");
	}

	/**
	 * Fresh accounts for {@code users}, each named after its variable with a capital
	 * initial, all with the same password.
	 */
	private static TranscriptRunner runner(String... users) throws Exception {
		int run = runs.incrementAndGet();
		TranscriptRunner runner = new TranscriptRunner(Map.of("ns", address("BUTTERFLY_NS_PORT")), TIMEOUT)
			.with("password", PASSWORD);
		for (String user : users) {
			String email = user + "-" + run + "@example.com";
			admin.createAccount(email, Character.toUpperCase(user.charAt(0)) + user.substring(1), PASSWORD);
			runner.with(user, email);
		}
		return runner;
	}

	private static InetSocketAddress address(String port) {
		return new InetSocketAddress("127.0.0.1", Integer.parseInt(environment.get(port)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
