package org.butterfly.switchboard;

import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.butterfly.protocol.testing.NettyLeakDetection;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.testing.TranscriptSuite;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.server.NettyServer;
import org.butterfly.switchboard.invite.InMemoryRinger;
import org.butterfly.switchboard.invite.InMemoryRinger.Presence;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switchboard's conformance suite (STYLE.md P16): every golden transcript in
 * {@code transcripts/switchboard/} against the running application, over TCP and over
 * Netty's in-JVM transport. Scripts connect to {@code sb}, and to {@code ns}, a fake
 * notification server where the {@link InMemoryRinger} delivers the {@code RNG} lines, so
 * a script reads an invitation's ticket like a client. The test mints the scripts'
 * tickets: {@code ${aliceCookie}}, {@code ${bobCookie}}, {@code ${carolCookie}} and
 * {@code ${alice2Cookie}} (fresh {@code CALLER} tickets for this node), and bad ones:
 * {@code ${expiredCookie}}, {@code ${forgedCookie}}, {@code ${otherKeyCookie}},
 * {@code ${otherNodeCookie}}; {@code ${sb}} is this node's advertised address.
 */
@ExtendWith(NettyLeakDetection.class)
@SpringBootTest
@ActiveProfiles("test")
@Import(FakeNotificationSide.class)
class SwitchboardTranscriptsTest {

	static final String FOLDER = "/transcripts/switchboard";

	@Autowired
	NettyServer listener;

	@Autowired
	TicketKeys keys;

	@Autowired
	InMemoryRinger ringer;

	@Autowired
	FakeNotificationServer notificationServer;

	@BeforeEach
	void whoIsOnline() {
		this.ringer.put("bob@example.test", Presence.online("Bob%20B."));
		this.ringer.put("carol@example.test", Presence.online("Carol"));
		this.ringer.put("dave@example.test", new Presence("Dave", Status.HDN, true, Set.of()));
		this.ringer.put("hank@example.test", new Presence("Hank", Status.FLN, true, Set.of()));
		this.ringer.put("erin@example.test", new Presence("Erin", Status.NLN, false, Set.of()));
		this.ringer.put("frank@example.test", new Presence("Frank", Status.BSY, true, Set.of("alice@example.test")));
	}

	@TestFactory
	Stream<DynamicTest> everyTranscriptPassesOverTcpAndInJvm() {
		assertThat(TranscriptSuite.list(FOLDER)).hasSizeGreaterThanOrEqualTo(10);
		return TranscriptSuite.run(FOLDER, Map.of("tcp", endpoints(this.listener.localAddress()), "in-JVM",
				endpoints(this.listener.inJvmAddress().orElseThrow())), this::withTickets);
	}

	/**
	 * Pipelined commands cross from the connection's worker to the room's executor while
	 * the idle timer is swapped after sign-in: run the pipelining script many times to
	 * catch a reordering that shows only now and then.
	 */
	@Test
	void pipelinedCommandsStayInOrderRunAfterRun() {
		for (int i = 0; i < 30; i++) {
			runner(this.listener.localAddress()).run(FOLDER + "/pipelining.msnp");
			runner(this.listener.inJvmAddress().orElseThrow()).run(FOLDER + "/pipelining.msnp");
		}
	}

	/** A runner with fresh tickets, talking to this node at {@code address}. */
	TranscriptRunner runner(SocketAddress address) {
		return withTickets(new TranscriptRunner(endpoints(address)));
	}

	/** {@code sb} at {@code address}, {@code ns} the fake notification server. */
	Map<String, SocketAddress> endpoints(SocketAddress address) {
		return Map.of("sb", address, "ns", this.notificationServer.address());
	}

	/** Fresh tickets for a run, good and bad, and this node's address. */
	TranscriptRunner withTickets(TranscriptRunner runner) {
		return withTickets(runner, this.keys, node());
	}

	/**
	 * Fresh tickets for a run against the node advertised as {@code node}, and its
	 * address as {@code ${sb}}.
	 */
	static TranscriptRunner withTickets(TranscriptRunner runner, TicketKeys keys, String node) {
		TicketIssuer issuer = new TicketIssuer(keys);
		TicketIssuer past = new TicketIssuer(keys, Duration.ofSeconds(60),
				Clock.fixed(Instant.now().minusSeconds(61), ZoneOffset.UTC));
		TicketIssuer stranger = new TicketIssuer(TicketKeys.of("somebody-else's-secret-that-is-long-enough"));
		String genuine = issuer.issueCaller(node, "alice@example.test", "Alice%20A.");
		return runner.with("sb", node)
			.with("aliceCookie", issuer.issueCaller(node, "alice@example.test", "Alice%20A."))
			.with("alice2Cookie", issuer.issueCaller(node, "alice@example.test", "Alice%20A."))
			.with("bobCookie", issuer.issueCaller(node, "bob@example.test", "Bob%20B."))
			.with("carolCookie", issuer.issueCaller(node, "carol@example.test", "Carol"))
			.with("expiredCookie", past.issueCaller(node, "alice@example.test", "Alice%20A."))
			.with("forgedCookie", forge(genuine))
			.with("otherKeyCookie", stranger.issueCaller(node, "alice@example.test", "Alice%20A."))
			.with("otherNodeCookie", issuer.issueCaller("127.0.0.2:1865", "alice@example.test", "Alice%20A."));
	}

	String node() {
		return this.listener.advertisedAddress().toString();
	}

	/** The genuine ticket with one character of its signature changed. */
	static String forge(String ticket) {
		char last = ticket.charAt(ticket.length() - 5);
		return ticket.substring(0, ticket.length() - 5) + ((last == 'A') ? 'B' : 'A')
				+ ticket.substring(ticket.length() - 4);
	}

}
