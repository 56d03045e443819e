package org.butterfly.dispatch;

import java.util.Map;
import java.util.stream.Stream;

import org.butterfly.protocol.testing.TranscriptSuite;
import org.butterfly.server.NettyServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch server's conformance suite (STYLE.md P16): every golden transcript in
 * {@code transcripts/dispatch/} against the real application, once over TCP and once over
 * Netty's in-JVM transport. Transcripts connect to {@code ds} and may use {@code ${ns}}
 * (the configured notification server) and {@code ${ds}} (this server's advertised
 * address).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DispatchTranscriptsTest {

	private static final String FOLDER = "/transcripts/dispatch";

	@Autowired
	private NettyServer listener;

	@TestFactory
	Stream<DynamicTest> everyTranscriptPassesOverTcpAndInJvm() {
		assertThat(TranscriptSuite.list(FOLDER)).hasSizeGreaterThanOrEqualTo(20);
		return TranscriptSuite.run(FOLDER,
				Map.of("tcp", Map.of("ds", this.listener.localAddress()), "in-JVM",
						Map.of("ds", this.listener.inJvmAddress().orElseThrow())),
				(runner) -> runner.with("ns", "127.0.0.1:1864")
					.with("ds", this.listener.advertisedAddress().toString()));
	}

}
