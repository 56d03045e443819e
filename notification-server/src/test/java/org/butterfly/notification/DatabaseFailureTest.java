package org.butterfly.notification;

import java.time.Duration;

import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.testdb.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running notification server (msnp.md §15,
 * docs/adr/0309): a signed-in user's command that needs it is answered {@code 501} and
 * the session stays; a sign-in that needs it gets {@code 500} and a close; once the
 * database is back, the same session works again. A context of its own that waits for a
 * pooled connection at most two seconds.
 */
@TestPropertySource(properties = { "spring.datasource.hikari.connection-timeout=2000",
		"butterfly.notification.listener.local-name=ns-database-failure" })
class DatabaseFailureTest extends NotificationServerTest {

	@Test
	void commandsAreAnswered501WhileTheDatabaseIsDownAndWorkAgainAfter() {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		try (MsnpTestClient client = signIn(address("tcp"), alice, "MSNP5")) {
			client.send(Frame.of("CHG", "4", "NLN"));
			assertThat(next(client).line()).isEqualTo("CHG 4 NLN");
			// Commands run in order: once QNG arrives, the first CHG's work is done.
			client.send(Frame.of("PNG"));
			assertThat(next(client).line()).startsWith("QNG");
			TestDatabase.server().stop();
			try {
				client.send(Frame.of("ADD", "5", "FL", bob, "Bob"));
				assertThat(client.nextFrame(Duration.ofSeconds(15)).line()).isEqualTo("501 5");
				client.send(Frame.of("PNG"));
				assertThat(next(client).line()).as("the session stays").startsWith("QNG");
				assertThat(signInWithoutDatabase(alice)).isEqualTo("500 3");
			}
			finally {
				TestDatabase.server().start();
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			String answer;
			int trId = 6;
			do {
				client.send(Frame.of("ADD", String.valueOf(trId), "FL", bob, "Bob"));
				answer = client.nextFrame(Duration.ofSeconds(15)).line();
				trId++;
			}
			while (answer.startsWith("501 ") && System.nanoTime() < deadline);
			assertThat(answer).as("the same session, once the database is back").startsWith("ADD ").contains(" FL ");
		}
	}

	/** A second connection's sign-in, which needs the account. */
	private String signInWithoutDatabase(String handle) {
		try (MsnpTestClient other = MsnpTestClient.connect(address("tcp"))) {
			other.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			assertThat(next(other).line()).isEqualTo("VER 1 MSNP5 CVR0");
			other.send(Frame.of("USR", "2", "MD5", "I", handle));
			String salt = next(other).token(3);
			other.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(salt, PASSWORD)));
			String answer = other.nextFrame(Duration.ofSeconds(15)).line();
			assertThat(other.next(Duration.ofSeconds(5))).as("closed after the 500").isSameAs(MsnpTestClient.CLOSED);
			return answer;
		}
	}

}
