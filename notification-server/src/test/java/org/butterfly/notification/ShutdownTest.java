package org.butterfly.notification;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping server tells every live session {@code OUT SSD} and closes it (msnp.md
 * §5.8); it can be started again.
 */
class ShutdownTest extends NotificationServerTest {

	@Test
	void stoppingSendsOutSsdToEverySession() {
		String alice = account("alice", "Alice");
		MsnpTestClient signedIn = signIn(address("tcp"), alice, "MSNP5");
		MsnpTestClient negotiating = MsnpTestClient.connect(address("local"));
		try {
			CompletableFuture<Void> stopped = CompletableFuture.runAsync(this.server::stop);
			assertThat(next(signedIn).line()).isEqualTo("OUT SSD");
			assertThat(signedIn.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
			assertThat(next(negotiating).line()).isEqualTo("OUT SSD");
			stopped.join();
		}
		finally {
			signedIn.close();
			negotiating.close();
			this.server.start();
		}
		try (MsnpTestClient again = signIn(address("tcp"), alice, "MSNP5")) {
			assertThat(again.isOpen()).isTrue();
		}
	}

}
