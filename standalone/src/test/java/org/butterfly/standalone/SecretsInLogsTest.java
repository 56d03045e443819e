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

import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password, sign-in response, switchboard cookie or admin token appears in any log
 * line (issue 11), with every Butterfly logger at DEBUG: the whole platform runs,
 * accounts are created over REST with the token, users sign in (one with a wrong
 * password), see each other and chat through a switchboard; then everything that was
 * printed is searched for the secrets that crossed the wire.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String TOKEN = "token-that-must-never-be-logged-7f3a";

	private static final String PASSWORD = "password-that-must-never-be-logged-19c2";

	@TempDir
	Path home;

	@Test
	void noSecretIsLogged(CapturedOutput output) throws Exception {
		Files.setPosixFilePermissions(this.home, PosixFilePermissions.fromString("rwxr-xr-x"));
		Map<String, String> environment = new HashMap<>();
		for (String port : new String[] { "BUTTERFLY_DS_PORT", "BUTTERFLY_NS_PORT", "BUTTERFLY_SB_PORT",
				"BUTTERFLY_ADMIN_PORT" }) {
			try (ServerSocket socket = new ServerSocket(0)) {
				environment.put(port, String.valueOf(socket.getLocalPort()));
			}
		}
		environment.put("BUTTERFLY_DATA_DIR", this.home.resolve("pgdata").toString());
		environment.put("BUTTERFLY_ADMIN_TOKEN", TOKEN);
		List<String> secrets = new ArrayList<>(List.of(TOKEN, PASSWORD));
		String previous = System.setProperty("logging.level.org.butterfly", "DEBUG");
		try (Platform platform = Butterfly.run(new String[0], environment)) {
			AdminClient admin = new AdminClient("http://127.0.0.1:" + environment.get("BUTTERFLY_ADMIN_PORT"), TOKEN);
			admin.createAccount("alice@example.com", "Alice", PASSWORD);
			admin.createAccount("bob@example.com", "Bob", PASSWORD);
			admin.addToList("alice@example.com", "FL", "bob@example.com");
			admin.addToList("bob@example.com", "FL", "alice@example.com");
			secrets.add(wrongPasswordResponse(environment));

			TranscriptRunner runner = new TranscriptRunner(
					Map.of("ds",
							new InetSocketAddress("127.0.0.1", Integer.parseInt(environment.get("BUTTERFLY_DS_PORT")))),
					TIMEOUT)
				.with("alice", "alice@example.com")
				.with("bob", "bob@example.com")
				.with("password", PASSWORD);
			runner.run("/transcripts/sign-in-and-presence.msnp");
			Map<String, String> seen = runner.variables();
			secrets.add(seen.get("cookie"));
			secrets.add(seen.get("ticket"));
			secrets.add(Md5.signInResponse(seen.get("salt"), PASSWORD));
		}
		finally {
			if (previous == null) {
				System.clearProperty("logging.level.org.butterfly");
			}
			else {
				System.setProperty("logging.level.org.butterfly", previous);
			}
		}
		assertThat(output.getAll()).as("the platform logged at DEBUG").contains("DEBUG");
		for (String secret : secrets) {
			assertThat(secret).isNotBlank();
			assertThat(output.getAll()).as("a secret in the log").doesNotContain(secret);
		}
	}

	/** A sign-in with a wrong password; its MD5 response. */
	private static String wrongPasswordResponse(Map<String, String> environment) {
		try (MsnpTestClient client = MsnpTestClient
			.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(environment.get("BUTTERFLY_NS_PORT"))))) {
			client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
			client.send(Frame.of("USR", "2", "MD5", "I", "alice@example.com"));
			String salt = client.nextFrame(TIMEOUT).token(3);
			String response = Md5.signInResponse(salt, "not-" + PASSWORD);
			client.send(Frame.of("USR", "3", "MD5", "S", response));
			assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("911 3");
			return response;
		}
	}

}
