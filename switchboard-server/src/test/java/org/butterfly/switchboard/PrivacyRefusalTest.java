package org.butterfly.switchboard;

import java.util.Map;
import java.util.Set;

import org.butterfly.protocol.testing.NettyLeakDetection;
import org.butterfly.protocol.testing.Transcript;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.server.NettyServer;
import org.butterfly.switchboard.invite.InMemoryRinger;
import org.butterfly.switchboard.invite.InMemoryRinger.Presence;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code CAL} refused by the callee's privacy settings answers {@code 216} when so
 * configured ([POLICY] msnp.md §14.2, §19.3; the default {@code 217} is in
 * {@code cal-errors.msnp}); every other refusal keeps its code.
 */
@ExtendWith(NettyLeakDetection.class)
@SpringBootTest(properties = "butterfly.switchboard.calls.privacy-refusal=216")
@ActiveProfiles("test")
@Import(FakeNotificationSide.class)
class PrivacyRefusalTest {

	@Autowired
	NettyServer listener;

	@Autowired
	TicketKeys keys;

	@Autowired
	InMemoryRinger ringer;

	@Test
	void privacyRefusalsAnswer216WhenConfigured() {
		this.ringer.put("frank@example.test", new Presence("Frank", Status.NLN, true, Set.of("alice@example.test")));
		this.ringer.put("erin@example.test", new Presence("Erin", Status.NLN, false, Set.of()));
		String cookie = new TicketIssuer(this.keys).issueCaller(this.listener.advertisedAddress().toString(),
				"alice@example.test", "Alice");
		new TranscriptRunner(Map.of("sb", this.listener.localAddress())).with("aliceCookie", cookie)
			.run(Transcript.parse("privacy-216", """
					CONNECT alice sb
					C: USR 1 alice@example.test ${aliceCookie}
					S= USR 1 OK alice@example.test Alice
					C: CAL 2 frank@example.test
					S= 216 2
					C: CAL 3 erin@example.test
					S= 217 3
					C: CAL 4 nobody@example.test
					S= 217 4
					C: OUT
					CLOSED
					"""));
	}

}
