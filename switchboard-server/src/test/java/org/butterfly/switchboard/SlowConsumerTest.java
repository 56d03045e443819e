package org.butterfly.switchboard;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.butterfly.protocol.command.ClientCommands.AckMode;
import org.butterfly.protocol.command.ClientCommands.Ans;
import org.butterfly.protocol.command.ClientCommands.Cal;
import org.butterfly.protocol.command.ClientCommands.Msg;
import org.butterfly.protocol.command.ClientCommands.SbUsr;
import org.butterfly.protocol.testing.NettyLeakDetection;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.NettyServer;
import org.butterfly.switchboard.invite.InMemoryRinger;
import org.butterfly.switchboard.invite.InMemoryRinger.Presence;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;
import org.butterfly.tickets.ring.Invitation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backpressure on fan-out (STYLE.md P10), over real sockets: a participant that never
 * reads is disconnected once the bytes queued for it pass the slow-consumer backlog (256
 * KB over 1-2 KB water marks in the test configuration: lines waiting for a consolidated
 * flush count too, so the backlog must be larger than a burst), the others get its
 * {@code BYE}, and they keep chatting in the same room.
 */
@ExtendWith(NettyLeakDetection.class)
// The sender floods on purpose to fill the reader's buffers: no command rate limit here
// (docs/adr/0009).
@SpringBootTest(properties = "butterfly.switchboard.listener.limits.commands-per-second=0")
@ActiveProfiles("test")
@Import(FakeNotificationSide.class)
class SlowConsumerTest {

	static final Duration WAIT = Duration.ofSeconds(5);

	@Autowired
	NettyServer listener;

	@Autowired
	TicketKeys keys;

	@Autowired
	InMemoryRinger ringer;

	@Autowired
	FakeNotificationServer notificationServer;

	@Test
	void aReaderThatNeverReadsIsDisconnectedWhileTheOthersKeepChatting() throws Exception {
		this.ringer.put("bob@example.test", Presence.online("Bob"));
		this.ringer.put("carol@example.test", Presence.online("Carol"));
		String node = this.listener.advertisedAddress().toString();
		String cookie = new TicketIssuer(this.keys).issueCaller(node, "alice@example.test", "Alice");
		try (MsnpTestClient bobNs = signIn("bob@example.test");
				MsnpTestClient carolNs = signIn("carol@example.test");
				MsnpTestClient alice = MsnpTestClient.connect(this.listener.localAddress());
				MsnpTestClient bob = MsnpTestClient.connect(this.listener.localAddress());
				Socket carol = new Socket()) {
			alice.send(new SbUsr("1", "alice@example.test", cookie).toFrame());
			assertThat(alice.nextFrame(WAIT).line()).isEqualTo("USR 1 OK alice@example.test Alice");

			Frame bobRing = invite(alice, "2", "bob@example.test", bobNs);
			bob.send(new Ans("1", "bob@example.test", bobRing.token(3), bobRing.token(0)).toFrame());
			assertThat(lines(bob, 2)).containsExactly("IRO 1 1 1 alice@example.test Alice", "ANS 1 OK");
			assertThat(alice.nextFrame(WAIT).line()).isEqualTo("JOI bob@example.test Bob");

			// carol joins over a raw socket with a tiny receive window, and never reads
			Frame carolRing = invite(alice, "3", "carol@example.test", carolNs);
			carol.setReceiveBufferSize(1024);
			carol.connect(this.listener.localAddress());
			OutputStream out = carol.getOutputStream();
			out.write(("ANS 1 carol@example.test " + carolRing.token(3) + " " + carolRing.token(0) + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(alice.nextFrame(WAIT).line()).isEqualTo("JOI carol@example.test Carol");
			assertThat(bob.nextFrame(WAIT).line()).isEqualTo("JOI carol@example.test Carol");

			byte[] chunk = ("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + "x".repeat(1400))
				.getBytes(StandardCharsets.UTF_8);
			int sent = 0;
			int relayedToBob = 0;
			boolean byeToBob = false;
			Object bye = null;
			while (bye == null && sent < 20_000) {
				alice.send(new Msg(Integer.toString(10 + sent), AckMode.U, chunk).toFrame());
				sent++;
				// bob reads along, at most 64 messages (90 KB) behind: only carol is
				// slow,
				// however loaded the machine
				while (sent - relayedToBob > 64) {
					if (nextIsMessage(bob, chunk.length)) {
						relayedToBob++;
					}
					else {
						byeToBob = true;
					}
				}
				bye = alice.next(Duration.ZERO);
			}
			assertThat(bye).as("BYE after %d messages", sent).isInstanceOf(Frame.class);
			assertThat(((Frame) bye).line()).isEqualTo("BYE carol@example.test");

			// bob got every message, and carol's BYE
			while (relayedToBob < sent || !byeToBob) {
				if (nextIsMessage(bob, chunk.length)) {
					relayedToBob++;
				}
				else {
					byeToBob = true;
				}
			}
			assertThat(relayedToBob).isEqualTo(sent);

			// the room goes on without carol
			alice.send(new Msg("99999", AckMode.A, "MIME-Version: 1.0\r\n\r\nstill here".getBytes()).toFrame());
			assertThat(bob.nextFrame(WAIT).line()).startsWith("MSG alice@example.test Alice");
			assertThat(alice.nextFrame(WAIT).line()).isEqualTo("ACK 99999");
			assertThat(closedAfterDraining(carol)).isTrue();
			assertThat(this.ringer.delivered())
				.filteredOn((invitation) -> invitation.callerHandle().equals("alice@example.test")
						&& invitation.sessionId().equals(bobRing.token(0)))
				.extracting(Invitation::callee)
				.containsExactly("bob@example.test", "carol@example.test");
		}
	}

	/** Bob's next line: alice's message (true) or carol's {@code BYE} (false). */
	private static boolean nextIsMessage(MsnpTestClient bob, int length) {
		Frame relayed = bob.nextFrame(WAIT);
		if (relayed.verb().equals("BYE")) {
			assertThat(relayed.line()).isEqualTo("BYE carol@example.test");
			return false;
		}
		assertThat(relayed.line()).isEqualTo("MSG alice@example.test Alice " + length);
		return true;
	}

	private MsnpTestClient signIn(String handle) {
		MsnpTestClient ns = MsnpTestClient.connect(this.notificationServer.address());
		ns.send(Frame.of("USR", "1", handle));
		assertThat(ns.nextFrame(WAIT).line()).isEqualTo("USR 1 OK");
		return ns;
	}

	/** {@code CAL}, answered RINGING; returns the RNG the callee's connection got. */
	private static Frame invite(MsnpTestClient caller, String trId, String callee, MsnpTestClient calleeNs) {
		caller.send(new Cal(trId, callee).toFrame());
		assertThat(caller.nextFrame(WAIT).line()).startsWith("CAL " + trId + " RINGING ");
		Frame rng = calleeNs.nextFrame(WAIT);
		assertThat(rng.verb()).isEqualTo("RNG");
		return rng;
	}

	private static List<String> lines(MsnpTestClient client, int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> client.nextFrame(WAIT).line()).toList();
	}

	/** Reads what the server managed to send before it closed; true at end of stream. */
	private static boolean closedAfterDraining(Socket socket) throws Exception {
		socket.setSoTimeout((int) WAIT.toMillis());
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[64 * 1024];
		try {
			while (in.read(buffer) >= 0) {
				// drain
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (java.net.SocketException ex) {
			return true; // reset by the server: closed too
		}
	}

}
