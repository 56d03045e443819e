package org.butterfly.notification;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.HostileCatalogue;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.server.CloseCounts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The notification server's hostile-input catalogue (issue 11): every case of
 * {@code hostile/notification.catalogue} over TCP against the real application and
 * PostgreSQL, with the default command rate limit, while a signed-in canary is connected;
 * the canary must still answer and each close must be counted with its reason. Every case
 * gets fresh accounts. The pre-sign-in idle timeout and the sign-in deadline are short so
 * the slow cases finish in seconds.
 */
@TestPropertySource(properties = { "butterfly.notification.listener.idle.pre-authentication=3s",
		"butterfly.notification.listener.limits.sign-in-within=4s" })
class NotificationHostileInputTest extends NotificationServerTest {

	private static final HostileCatalogue catalogue = HostileCatalogue.fromClasspath("/hostile/notification.catalogue");

	@Autowired
	private CloseCounts closes;

	@TestFactory
	Stream<DynamicTest> everyHostileInputGetsTheSpecsAnswerAndSparesTheCanary() {
		return catalogue.run(() -> new TranscriptRunner(Map.of("ns", address("tcp")), Duration.ofSeconds(3))
			.with("password", PASSWORD)
			.with("user", account("user", "User"))
			.with("other", account("other", "Other"))
			.with("canary", account("canary", "Canary")), this.closes::count);
	}

}
