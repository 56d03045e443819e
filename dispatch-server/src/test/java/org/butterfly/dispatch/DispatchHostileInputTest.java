package org.butterfly.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.butterfly.protocol.testing.HostileCatalogue;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.server.CloseCounts;
import org.butterfly.server.NettyServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dispatch server's hostile-input catalogue (issue 11): every case of
 * {@code hostile/dispatch.catalogue} over TCP against the real application, with the
 * default command rate limit, while a canary client is connected; the canary must still
 * be served and each close must be counted with its reason. The idle timeout and the
 * sign-in deadline are short so the slow cases finish in seconds.
 */
@SpringBootTest(properties = { "butterfly.dispatch.listener.idle.pre-authentication=3s",
		"butterfly.dispatch.listener.limits.sign-in-within=4s" })
@ActiveProfiles("test")
class DispatchHostileInputTest {

	private static final HostileCatalogue catalogue = HostileCatalogue.fromClasspath("/hostile/dispatch.catalogue");

	@Autowired
	private NettyServer listener;

	@Autowired
	private CloseCounts closes;

	@TestFactory
	Stream<DynamicTest> everyHostileInputGetsTheSpecsAnswerAndSparesTheCanary() {
		return catalogue
			.run(() -> new TranscriptRunner(Map.of("ds", this.listener.localAddress()), Duration.ofSeconds(3))
				.with("ns", "127.0.0.1:1864"), this.closes::count);
	}

}
