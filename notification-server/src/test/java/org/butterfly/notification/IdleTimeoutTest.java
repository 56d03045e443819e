package org.butterfly.notification;

import java.time.Duration;

import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that does not sign in in time is closed; a signed-in one moves to the
 * keep-alive timeout (STYLE.md P8).
 */
@TestPropertySource(properties = { "butterfly.notification.listener.idle.pre-authentication=400ms",
		"butterfly.notification.listener.idle.keep-alive=5m",
		"butterfly.notification.listener.local-name=ns-idle-under-test" })
class IdleTimeoutTest extends NotificationServerTest {

	@Test
	void silentConnectionsAreClosedBeforeSignIn() {
		try (MsnpTestClient client = MsnpTestClient.connect(address("tcp"))) {
			client.send(Frame.of("VER", "1", "MSNP5"));
			assertThat(next(client).line()).isEqualTo("VER 1 MSNP5");
			assertThat(client.next(Duration.ofSeconds(3))).isSameAs(MsnpTestClient.CLOSED);
		}
	}

	@Test
	void signedInConnectionsOutliveThePreAuthenticationTimeout() {
		try (MsnpTestClient client = signIn(address("tcp"), account("alice", "Alice"), "MSNP5")) {
			assertThat(client.next(Duration.ofMillis(1200))).isNull();
			client.send(Frame.of("PNG"));
			assertThat(next(client).line()).isEqualTo("QNG");
		}
	}

}
