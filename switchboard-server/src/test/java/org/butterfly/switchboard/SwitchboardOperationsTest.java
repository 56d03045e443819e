package org.butterfly.switchboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.server.NettyServer;
import org.butterfly.switchboard.invite.InMemoryRinger;
import org.butterfly.switchboard.invite.InMemoryRinger.Presence;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switchboard's management port: after a scripted chat, {@code /actuator/prometheus}
 * counts its messages, sign-ins and closes, and no room is left open; readiness is UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FakeNotificationSide.class)
class SwitchboardOperationsTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int managementPort;

	@Test
	void prometheusCountsAScriptedChat(@Autowired NettyServer listener, @Autowired TicketKeys keys,
			@Autowired InMemoryRinger ringer, @Autowired FakeNotificationServer notificationServer) throws Exception {
		ringer.put("bob@example.test", Presence.online("Bob%20B."));
		String node = listener.advertisedAddress().toString();
		TicketIssuer issuer = new TicketIssuer(keys);
		new TranscriptRunner(Map.of("sb", listener.localAddress(), "ns", notificationServer.address())).with("sb", node)
			.with("aliceCookie", issuer.issueCaller(node, "alice@example.test", "Alice%20A."))
			.with("stolenCookie", issuer.issueCaller(node, "alice@example.test", "Alice%20A."))
			.run("/transcripts/operations-chat.msnp");

		String metrics = get("/actuator/prometheus").body();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!metrics.contains("butterfly_switchboard_rooms 0.0") && System.nanoTime() < deadline) {
			Thread.sleep(100);
			metrics = get("/actuator/prometheus").body();
		}
		assertThat(metrics).contains("butterfly_switchboard_rooms 0.0")
			.containsPattern("butterfly_commands_total\\{node=\"sb@" + node.replace(".", "\\.")
					+ "\",role=\"sb\",verb=\"MSG\"} 2\\.0")
			.containsPattern("butterfly_sign_ins_total\\{[^}]*result=\"ok\",role=\"sb\"} 1\\.0")
			.containsPattern("butterfly_sign_in_failures_total\\{[^}]*reason=\"authentication_failed\"[^}]*} 1\\.0")
			.containsPattern("butterfly_closes_total\\{[^}]*reason=\"client_quit\"[^}]*} 1\\.0")
			.containsPattern("butterfly_closes_total\\{[^}]*reason=\"refused\"[^}]*} 1\\.0");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"listener\"", "\"cluster\"");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
