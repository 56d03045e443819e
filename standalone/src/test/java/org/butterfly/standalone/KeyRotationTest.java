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

import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./butterfly rotate-passwords} (docs/adr/0109) on the embedded database of a
 * stopped platform: passwords sealed with the old key cannot be read with the new key
 * alone, and after the rotation they can, so the old key can be dropped.
 */
class KeyRotationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String OLD_KEY = "the-old-secret-key-of-at-least-thirty-two-bytes";

	private static final String NEW_KEY = "the-new-secret-key-of-at-least-thirty-two-bytes";

	private static final String PASSWORD = "correct horse";

	@TempDir
	Path home;

	@Test
	void passwordsMoveToTheNewKeySoTheOldOneCanBeDropped() throws Exception {
		Files.setPosixFilePermissions(this.home, PosixFilePermissions.fromString("rwxr-xr-x"));
		Map<String, String> old = environment(OLD_KEY);
		try (Platform platform = Butterfly.run(new String[0], old)) {
			new AdminClient("http://127.0.0.1:" + old.get("BUTTERFLY_ADMIN_PORT"), "token")
				.createAccount("alice@example.com", "Alice", PASSWORD);
			assertThat(signIn(old)).isEqualTo("USR 3 OK alice@example.com Alice");
		}

		Map<String, String> fresh = environment(NEW_KEY);
		try (Platform platform = Butterfly.run(new String[0], fresh)) {
			assertThat(signIn(fresh)).as("the new key alone cannot read the old password").isEqualTo("911 3");
		}

		Map<String, String> rotate = environment(NEW_KEY);
		rotate.put("BUTTERFLY_PREVIOUS_SECRET_KEYS", "unrelated-key-of-at-least-thirty-two-bytes, " + OLD_KEY);
		assertThat(KeyRotation.run(Settings.from(rotate))).isEqualTo(1);
		assertThat(KeyRotation.run(Settings.from(rotate))).as("done once").isZero();

		Map<String, String> after = environment(NEW_KEY);
		try (Platform platform = Butterfly.run(new String[0], after)) {
			assertThat(signIn(after)).isEqualTo("USR 3 OK alice@example.com Alice");
		}
	}

	/** Signs alice in on the notification server; the last line it gets. */
	private static String signIn(Map<String, String> environment) {
		try (MsnpTestClient client = MsnpTestClient
			.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(environment.get("BUTTERFLY_NS_PORT"))))) {
			client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
			client.send(Frame.of("USR", "2", "MD5", "I", "alice@example.com"));
			String salt = client.nextFrame(TIMEOUT).token(3);
			client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(salt, PASSWORD)));
			return client.nextFrame(TIMEOUT).line();
		}
	}

	private Map<String, String> environment(String secretKey) throws IOException {
		Map<String, String> environment = new HashMap<>();
		for (String port : new String[] { "BUTTERFLY_DS_PORT", "BUTTERFLY_NS_PORT", "BUTTERFLY_SB_PORT",
				"BUTTERFLY_ADMIN_PORT" }) {
			try (ServerSocket socket = new ServerSocket(0)) {
				environment.put(port, String.valueOf(socket.getLocalPort()));
			}
		}
		environment.put("BUTTERFLY_DATA_DIR", this.home.resolve("pgdata").toString());
		environment.put("BUTTERFLY_ADMIN_TOKEN", "token");
		environment.put("BUTTERFLY_SECRET_KEY", secretKey);
		return environment;
	}

}
