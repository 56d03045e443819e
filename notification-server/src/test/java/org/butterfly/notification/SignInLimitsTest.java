package org.butterfly.notification;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.CloseCounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins lock out an account from one address, and an address over all accounts,
 * for a capped, doubling time (ADR 0310), over real sockets from distinct loopback
 * addresses. A locked-out attempt gets the same {@code 911} as a wrong password, even
 * with the right one; nobody else is affected.
 */
@TestPropertySource(properties = { "butterfly.notification.limits.sign-in.account-free-failures=2",
		"butterfly.notification.limits.sign-in.address-free-failures=4",
		"butterfly.notification.limits.sign-in.lockout=1500ms", "butterfly.notification.limits.sign-in.max-lockout=3s",
		"butterfly.notification.listener.limits.connections-per-address=4" })
class SignInLimitsTest extends NotificationServerTest {

	private static final String WRONG = "not-the-password";

	@Autowired
	private CloseCounts closes;

	@Test
	void failuresLockTheAccountOutFromThatAddressOnlyAndTheLockoutEnds() throws InterruptedException {
		String user = account("locked", "Locked");
		InetSocketAddress attacker = from("127.0.0.41");
		assertThat(attempt(attacker, user, WRONG)).isEqualTo("911 3");
		assertThat(attempt(attacker, user, WRONG)).isEqualTo("911 3");
		long lockedOut = this.closes.count(CloseReason.Kind.RATE_LIMITED);
		assertThat(attempt(attacker, user, PASSWORD)).as("locked out: even the right password").isEqualTo("911 3");
		assertThat(this.closes.count(CloseReason.Kind.RATE_LIMITED)).isEqualTo(lockedOut + 1);
		assertThat(attempt(from("127.0.0.42"), user, PASSWORD)).as("the owner elsewhere")
			.startsWith("USR 3 OK " + user);
		Thread.sleep(1600);
		assertThat(attempt(attacker, user, PASSWORD)).as("after the lockout").startsWith("USR 3 OK " + user);
	}

	@Test
	void failuresOverManyAccountsLockTheAddressOut() {
		InetSocketAddress sprayer = from("127.0.0.43");
		for (int i = 0; i < 4; i++) {
			assertThat(attempt(sprayer, account("sprayed", "Sprayed"), WRONG)).isEqualTo("911 3");
		}
		String victim = account("victim", "Victim");
		assertThat(attempt(sprayer, victim, PASSWORD)).as("the address is locked out").isEqualTo("911 3");
		assertThat(attempt(from("127.0.0.44"), victim, PASSWORD)).startsWith("USR 3 OK " + victim);
	}

	@Test
	void aSuccessfulSignInClearsTheAccountsFailures() {
		String user = account("forgetful", "Forgetful");
		InetSocketAddress home = from("127.0.0.45");
		assertThat(attempt(home, user, WRONG)).isEqualTo("911 3");
		assertThat(attempt(home, user, PASSWORD)).startsWith("USR 3 OK " + user);
		assertThat(attempt(home, user, WRONG)).as("counted from zero again").isEqualTo("911 3");
		assertThat(attempt(home, user, PASSWORD)).startsWith("USR 3 OK " + user);
	}

	@Test
	void anAddressOverItsConnectionLimitIsRefusedAndOthersAreNot() {
		InetSocketAddress crowded = from("127.0.0.46");
		List<MsnpTestClient> open = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				MsnpTestClient client = MsnpTestClient.connect(this.server.localAddress(), crowded);
				open.add(client);
				client.send(Frame.of("VER", "1", "MSNP5"));
				assertThat(next(client).line()).isEqualTo("VER 1 MSNP5");
			}
			long refused = this.closes.count(CloseReason.Kind.TOO_MANY_CONNECTIONS);
			MsnpTestClient fifth = MsnpTestClient.connect(this.server.localAddress(), crowded);
			open.add(fifth);
			assertThat(fifth.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
			assertThat(this.closes.count(CloseReason.Kind.TOO_MANY_CONNECTIONS)).isEqualTo(refused + 1);
			String user = account("elsewhere", "Elsewhere");
			assertThat(attempt(from("127.0.0.47"), user, PASSWORD)).startsWith("USR 3 OK " + user);
		}
		finally {
			open.forEach(MsnpTestClient::close);
		}
	}

	private static InetSocketAddress from(String host) {
		return new InetSocketAddress(host, 0);
	}

	/** One MD5 sign-in from {@code from}: the server's last line. */
	private String attempt(InetSocketAddress from, String handle, String password) {
		try (MsnpTestClient client = MsnpTestClient.connect(this.server.localAddress(), from)) {
			client.send(Frame.of("VER", "1", "MSNP5"));
			assertThat(next(client).line()).isEqualTo("VER 1 MSNP5");
			client.send(Frame.of("USR", "2", "MD5", "I", handle));
			Frame challenge = next(client);
			client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(challenge.token(3), password)));
			String answer = next(client).line();
			if (answer.startsWith("911")) {
				assertThat(client.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
			}
			return answer;
		}
	}

}
