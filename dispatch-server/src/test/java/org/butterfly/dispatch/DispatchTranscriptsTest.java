package org.butterfly.dispatch;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.server.NettyServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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

	private static final String FOLDER = "/transcripts/dispatch/";

	@Autowired
	private NettyServer listener;

	@TestFactory
	Stream<DynamicTest> everyTranscriptPassesOverTcpAndInJvm() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:" + FOLDER + "*.msnp");
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(20);
		Map<String, SocketAddress> transports = Map.of("tcp", this.listener.localAddress(), "in-JVM",
				this.listener.inJvmAddress().orElseThrow());
		return Arrays.stream(scripts)
			.map(Resource::getFilename)
			.sorted(Comparator.naturalOrder())
			.flatMap((script) -> transports.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map((transport) -> dynamicTest(script + " over " + transport.getKey(),
						() -> run(script, transport.getValue()))));
	}

	private void run(String script, SocketAddress address) {
		new TranscriptRunner(Map.of("ds", address)).with("ns", "127.0.0.1:1864")
			.with("ds", this.listener.advertisedAddress().toString())
			.run(FOLDER + script);
	}

}
