package org.butterfly.switchboard;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.butterfly.protocol.testing.HostileCatalogue;
import org.butterfly.protocol.testing.NettyLeakDetection;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.server.CloseCounts;
import org.butterfly.server.NettyServer;
import org.butterfly.tickets.TicketKeys;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The switchboard's hostile-input catalogue (issue 11): every case of
 * {@code hostile/switchboard.catalogue} over TCP against the running application, with
 * the default command rate limit, while a canary is in a session of her own; the canary
 * must still be served and each close must be counted with its reason. The idle timeouts
 * are short, but longer than the slowest case keeps the canary waiting.
 */
@ExtendWith(NettyLeakDetection.class)
@SpringBootTest(properties = { "butterfly.switchboard.listener.idle.pre-authentication=3s",
		"butterfly.switchboard.listener.idle.keep-alive=5s",
		"butterfly.switchboard.listener.limits.sign-in-within=4s" })
@ActiveProfiles("test")
@Import(FakeNotificationSide.class)
class SwitchboardHostileInputTest {

	private static final HostileCatalogue catalogue = HostileCatalogue.fromClasspath("/hostile/switchboard.catalogue");

	@Autowired
	private NettyServer listener;

	@Autowired
	private TicketKeys keys;

	@Autowired
	private CloseCounts closes;

	@TestFactory
	Stream<DynamicTest> everyHostileInputGetsTheSpecsAnswerAndSparesTheCanary() {
		return catalogue.run(() -> SwitchboardTranscriptsTest.withTickets(
				new TranscriptRunner(Map.of("sb", this.listener.localAddress()), Duration.ofSeconds(3)), this.keys,
				this.listener.advertisedAddress().toString()), this.closes::count);
	}

}
