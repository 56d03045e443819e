package org.butterfly.notification;

import java.time.Duration;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.notification.session.SessionRegistry;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' events, as another node or the admin API sends them: the session
 * directory lists who is online where, and kick and system message reach the client
 * (single-node mode: the in-memory cluster).
 */
class ClusterEventsTest extends NotificationServerTest {

	@Autowired
	SessionRegistry sessions;

	@Autowired
	SessionDirectory directory;

	@Test
	void theDirectoryListsTheSessionWithItsStatusAndDialect() {
		String alice = account("alice", "Alice");
		try (MsnpTestClient client = signIn(address("tcp"), alice, "MSNP6")) {
			client.send(Frame.of("CHG", "4", "BSY"));
			assertThat(next(client).line()).isEqualTo("CHG 4 BSY");
			OnlineSession session = this.directory.find(alice).orElseThrow();
			assertThat(session.node()).isEqualTo(this.sessions.node());
			assertThat(session.status()).isEqualTo("BSY");
			assertThat(session.dialect()).isEqualTo("MSNP6");
			assertThat(session.friendlyName()).isEqualTo("Alice");
			assertThat(this.directory.online()).contains(session);
		}
	}

	@Test
	void aKickSendsOutAndCloses() {
		String alice = account("alice", "Alice");
		try (MsnpTestClient client = signIn(address("tcp"), alice, "MSNP5")) {
			awaitOnline(alice);
			this.sessions.deliver(new ClusterEvent.Kick(alice));
			assertThat(next(client).line()).isEqualTo("OUT");
			assertThat(client.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
		}
		awaitOffline(alice);
	}

	@Test
	void aSystemMessageReachesEverySession() {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		try (MsnpTestClient one = signIn(address("tcp"), alice, "MSNP5");
				MsnpTestClient two = signIn(address("local"), bob, "MSNP7")) {
			awaitOnline(alice);
			awaitOnline(bob);
			this.sessions.broadcast(new ClusterEvent.SystemMessage(5));
			for (MsnpTestClient client : new MsnpTestClient[] { one, two }) {
				Frame message = next(client);
				assertThat(message.line()).startsWith("MSG Hotmail Hotmail ");
				assertThat(message.payloadAsUtf8()).contains("application/x-msmsgssystemmessage", "Arg1: 5");
			}
		}
	}

	/** The session claims its account just after USR OK reaches the client. */
	private void awaitOnline(String handle) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.directory.find(handle).isEmpty() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.directory.find(handle)).as("claimed").isPresent();
	}

	private void awaitOffline(String handle) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.directory.find(handle).isPresent() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.directory.find(handle)).as("released").isEmpty();
	}

}
