package org.butterfly.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.butterfly.embeddedpg.EmbeddedPostgres;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, in-process: the launcher's main on an embedded PostgreSQL
 * in a fresh data folder, then accounts over REST, sign-in and presence over MSNP through
 * the dispatch server, a graceful stop, and a second start on the same data folder.
 */
class StandaloneTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String PASSWORD = "correct horse";

	private static final Pattern TOKEN = Pattern.compile("admin token\\s+(\\S+)");

	@TempDir
	Path home;

	@Test
	void runsEveryRoleAndKeepsAccountsAndListsAcrossRestarts() throws Exception {
		// The embedded server runs as an unprivileged user under root: it must reach the
		// folder.
		Files.setPosixFilePermissions(this.home, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path data = this.home.resolve("pgdata");

		Map<String, String> first = environment(data);
		try (Platform platform = Butterfly.run(new String[0], first)) {
			AdminClient admin = admin(first, platform.summary());
			admin.createAccount("alice@example.com", "Alice", PASSWORD);
			admin.createAccount("bob@example.com", "Bob", PASSWORD);
			admin.addToList("alice@example.com", "FL", "bob@example.com");
			admin.addToList("bob@example.com", "FL", "alice@example.com");

			signInBothAndSeePresence(first);

			// The admin API reaches a session of another context through the cluster bus.
			try (MsnpTestClient alice = signIn(first, "alice@example.com")) {
				JsonNode online = admin.send("GET", "/api/v1/sessions", null, 200);
				assertThat(online.findValuesAsString("email")).containsExactly("alice@example.com");
				assertThat(online.get(0).get("node").asString()).isNotBlank();
				admin.send("DELETE", "/api/v1/sessions/alice@example.com", null, 202);
				assertThat(nextVerbs(alice)).endsWith("OUT");
			}

			try (MsnpTestClient client = MsnpTestClient.connect(address(first, "BUTTERFLY_NS_PORT"))) {
				client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
				assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
				platform.close();
				assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("OUT SSD");
			}
		}

		Map<String, String> second = environment(data);
		try (Platform platform = Butterfly.run(new String[0], second)) {
			AdminClient admin = admin(second, platform.summary());
			JsonNode lists = admin.send("GET", "/api/v1/accounts/alice@example.com/lists", null, 200);
			assertThat(lists.get("FL").get(0).get("email").asString()).isEqualTo("bob@example.com");
			assertThat(lists.get("RL").get(0).get("email").asString()).isEqualTo("bob@example.com");
			signInBothAndSeePresence(second);
		}
	}

	@Test
	void usesTheGivenDatabaseInsteadOfItsOwn() throws Exception {
		try (EmbeddedPostgres given = EmbeddedPostgres.builder().durable(false).build()) {
			given.start();
			Map<String, String> environment = environment(this.home.resolve("unused"));
			environment.put("BUTTERFLY_DATABASE_URL", given.jdbcUrl("postgres"));
			environment.put("BUTTERFLY_DATABASE_USER", given.superuser());
			environment.put("BUTTERFLY_ADMIN_TOKEN", "a-token-of-our-own");
			try (Platform platform = Butterfly.run(new String[0], environment)) {
				assertThat(platform.summary()).contains(given.jdbcUrl("postgres"))
					.contains("Bearer $BUTTERFLY_ADMIN_TOKEN")
					.doesNotContain("a-token-of-our-own");
				AdminClient admin = new AdminClient("http://127.0.0.1:" + environment.get("BUTTERFLY_ADMIN_PORT"),
						"a-token-of-our-own");
				admin.createAccount("alice@example.com", "Alice", PASSWORD);
				admin.createAccount("bob@example.com", "Bob", PASSWORD);
				admin.addToList("alice@example.com", "FL", "bob@example.com");
				admin.addToList("bob@example.com", "FL", "alice@example.com");
				signInBothAndSeePresence(environment);
			}
			assertThat(this.home.resolve("unused")).doesNotExist();
		}
	}

	private void signInBothAndSeePresence(Map<String, String> environment) {
		new TranscriptRunner(Map.of("ds", address(environment, "BUTTERFLY_DS_PORT")), TIMEOUT)
			.with("alice", "alice@example.com")
			.with("bob", "bob@example.com")
			.with("password", PASSWORD)
			.run("/transcripts/sign-in-and-presence.msnp");
	}

	/** Signs in directly on the notification server. */
	private static MsnpTestClient signIn(Map<String, String> environment, String handle) {
		MsnpTestClient client = MsnpTestClient.connect(address(environment, "BUTTERFLY_NS_PORT"));
		client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
		assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		String salt = client.nextFrame(TIMEOUT).token(3);
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(salt, PASSWORD)));
		assertThat(client.nextFrame(TIMEOUT).line()).startsWith("USR 3 OK " + handle);
		client.send(Frame.of("CHG", "4", "NLN"));
		Frame frame = client.nextFrame(TIMEOUT);
		while (!frame.verb().equals("CHG")) {
			frame = client.nextFrame(TIMEOUT);
		}
		return client;
	}

	/** The verbs a session receives until it is closed. */
	private static List<String> nextVerbs(MsnpTestClient client) {
		List<String> verbs = new ArrayList<>();
		Object next = client.next(TIMEOUT);
		while (next instanceof Frame frame) {
			verbs.add(frame.verb());
			next = client.next(TIMEOUT);
		}
		assertThat(next).as("the session closes after %s", verbs).isSameAs(MsnpTestClient.CLOSED);
		return verbs;
	}

	/** Free ports for every role, and the data folder. */
	private static Map<String, String> environment(Path data) throws IOException {
		Map<String, String> environment = new HashMap<>();
		for (String port : new String[] { "BUTTERFLY_DS_PORT", "BUTTERFLY_NS_PORT", "BUTTERFLY_SB_PORT",
				"BUTTERFLY_ADMIN_PORT" }) {
			environment.put(port, String.valueOf(freePort()));
		}
		environment.put("BUTTERFLY_DATA_DIR", data.toString());
		return environment;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static InetSocketAddress address(Map<String, String> environment, String port) {
		return new InetSocketAddress("127.0.0.1", Integer.parseInt(environment.get(port)));
	}

	/** The admin API, with the token the launcher printed. */
	private static AdminClient admin(Map<String, String> environment, String summary) {
		Matcher token = TOKEN.matcher(summary);
		assertThat(token.find()).as("the summary prints the admin token: %s", summary).isTrue();
		return new AdminClient("http://127.0.0.1:" + environment.get("BUTTERFLY_ADMIN_PORT"), token.group(1));
	}

}
