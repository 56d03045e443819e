package org.butterfly.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.butterfly.admin.support.LiveCluster;
import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountService;
import org.butterfly.protocol.reply.NotificationDocument;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API and a real notification server, each in its own Spring context, sharing
 * one PostgreSQL and the cluster's PostgreSQL bus (LISTEN/NOTIFY), as in a deployment:
 * accounts and changes go in over REST, MSNP clients see the results on the wire.
 */
class EndToEndTest {

	private static final String TOKEN = "end-to-end-token";

	private static final String PASSWORD = "secret";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static LiveCluster cluster;

	private static String api;

	private static int numbers;

	@BeforeAll
	static void start() {
		cluster = LiveCluster.start(TOKEN);
		api = cluster.api();
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void aContactAddedOverRestReachesBothClients() throws Exception {
		String alice = create("alice", "Alice A.");
		String bob = create("bob", "Bob é");
		try (MsnpTestClient aliceClient = signIn(alice); MsnpTestClient bobClient = signIn(bob)) {
			JsonNode added = call("PUT", "/api/v1/accounts/" + alice + "/lists/FL/" + bob, "{}", 200);
			assertThat(added.get("version").asLong()).isEqualTo(1);
			// The contact hears of it as ADD 0 RL with the adder's friendly name.
			assertThat(next(bobClient).line()).isEqualTo("ADD 0 RL 1 " + alice + " Alice%20A.");
			// The owner's own session as ADD 0 FL (msnp.md 9.5), then the contact's
			// presence.
			assertThat(next(aliceClient).line()).isEqualTo("ADD 0 FL 1 " + bob + " " + bob);
			assertThat(next(aliceClient).line()).isEqualTo("NLN NLN " + bob + " Bob%20%C3%A9");
			// GET lists agrees with what SYN would send.
			JsonNode lists = call("GET", "/api/v1/accounts/" + bob + "/lists", null, 200);
			assertThat(lists.get("RL").get(0).get("email").asString()).isEqualTo(alice);
			assertThat(lists.get("RL").get(0).get("friendlyName").asString()).isEqualTo("Alice A.");
			// Who is online, and where.
			JsonNode sessions = call("GET", "/api/v1/sessions", null, 200);
			assertThat(sessions.findValuesAsString("email")).contains(alice, bob);
			// Removal: REM 0 RL at the contact, REM 0 FL at the owner.
			call("DELETE", "/api/v1/accounts/" + alice + "/lists/FL/" + bob, null, 200);
			assertThat(next(bobClient).line()).isEqualTo("REM 0 RL 2 " + alice);
			assertThat(next(aliceClient).line()).isEqualTo("REM 0 FL 2 " + bob);
		}
	}

	@Test
	void aNotificationForAnOnlineUserArrivesOnTheWire() throws Exception {
		String carol = create("carol", null);
		try (MsnpTestClient client = signIn(carol)) {
			JsonNode pushed = call("POST", "/api/v1/accounts/" + carol + "/notifications",
					"{\"text\":\"Your order <42> shipped\",\"actionUrl\":\"alerts/show?item=42\","
							+ "\"subscriptionUrl\":\"alerts/manage\",\"siteUrl\":\"http://alerts.example.net/\","
							+ "\"notificationId\":1}",
					202);
			assertThat(pushed.get("state").asString()).isEqualTo("delivered");
			Account account = cluster.admin().getBean(AccountService.class).find(carol).orElseThrow();
			String expected = new NotificationDocument(1, "111100000", "http://alerts.example.net/",
					account.puid().pid(), carol, 1, "alerts/show?item=42", "alerts/manage", 1033,
					"Your order <42> shipped")
				.toXml();
			Frame not = next(client);
			assertThat(not.line()).isEqualTo("NOT " + expected.getBytes(StandardCharsets.UTF_8).length);
			assertThat(not.payloadAsUtf8()).isEqualTo(expected);
			assertThat(client.next(Duration.ofMillis(300))).as("exactly once").isNull();
		}
	}

	@Test
	void aNotificationForAnOfflineUserArrivesAtTheNextSignInOnce() throws Exception {
		String dave = create("dave", null);
		JsonNode pushed = call("POST", "/api/v1/accounts/" + dave + "/notifications", "{\"text\":\"While away\"}", 202);
		assertThat(pushed.get("state").asString()).isEqualTo("queued");
		try (MsnpTestClient client = signIn(dave)) {
			Frame not = next(client);
			assertThat(not.verb()).isEqualTo("NOT");
			assertThat(not.payloadAsUtf8()).contains("<TEXT>While away</TEXT>");
			assertThat(client.next(Duration.ofMillis(300))).isNull();
		}
		try (MsnpTestClient again = signIn(dave)) {
			assertThat(again.next(Duration.ofMillis(500))).as("never twice").isNull();
		}
	}

	@Test
	void aBroadcastReachesThreeOnlineUsers() throws Exception {
		List<String> users = List.of(create("erin", null), create("frank", null), create("grace", null));
		try (MsnpTestClient erin = signIn(users.get(0));
				MsnpTestClient frank = signIn(users.get(1));
				MsnpTestClient grace = signIn(users.get(2))) {
			JsonNode sent = call("POST", "/api/v1/notifications", "{\"to\":[\"%s\",\"%s\",\"%s\"],\"text\":\"All\"}"
				.formatted(users.get(0), users.get(1), users.get(2)), 202);
			assertThat(sent.get("recipients").findValuesAsString("state")).containsOnly("delivered");
			for (MsnpTestClient client : List.of(erin, frank, grace)) {
				Frame not = next(client);
				assertThat(not.verb()).isEqualTo("NOT");
				assertThat(not.payloadAsUtf8()).contains("<TEXT>All</TEXT>");
			}
		}
	}

	@Test
	void aBroadcastToEverybodyOnlineSkipsNobodyWhoCanTakeIt() throws Exception {
		String lena = create("lena", null);
		String mike = create("mike", null);
		try (MsnpTestClient lenaClient = signIn(lena); MsnpTestClient mikeClient = signIn(mike)) {
			JsonNode sent = call("POST", "/api/v1/notifications", "{\"to\":\"online\",\"text\":\"Everybody\"}", 202);
			assertThat(sent.get("recipients").findValuesAsString("email")).contains(lena, mike);
			for (MsnpTestClient client : List.of(lenaClient, mikeClient)) {
				Frame not = next(client);
				assertThat(not.verb()).isEqualTo("NOT");
				assertThat(not.payloadAsUtf8()).contains("<TEXT>Everybody</TEXT>");
			}
		}
	}

	@Test
	void aRenameOverRestReachesTheWatchers() throws Exception {
		String nina = create("nina", "Nina");
		String oscar = create("oscar", null);
		call("PUT", "/api/v1/accounts/" + oscar + "/lists/FL/" + nina, "{}", 200);
		try (MsnpTestClient ninaClient = signIn(nina); MsnpTestClient oscarClient = signIn(oscar)) {
			assertThat(next(oscarClient).line()).isEqualTo("ILN 4 NLN " + nina + " Nina");
			call("PATCH", "/api/v1/accounts/" + nina, "{\"friendlyName\":\"Nina N.\"}", 200);
			assertThat(next(oscarClient).line()).isEqualTo("NLN NLN " + nina + " Nina%20N.");
			// Blocking him hides her from him at once (msnp.md 9.1); her version: RL 1,
			// rename 2, BL 3.
			call("PUT", "/api/v1/accounts/" + nina + "/lists/BL/" + oscar, "{}", 200);
			assertThat(next(oscarClient).line()).isEqualTo("FLN " + nina);
			assertThat(next(ninaClient).line()).isEqualTo("ADD 0 BL 3 " + oscar + " " + oscar.replace("@", "%40"));
		}
	}

	@Test
	void aKickSendsOutAndCloses() throws Exception {
		String henry = create("henry", null);
		try (MsnpTestClient client = signIn(henry)) {
			call("DELETE", "/api/v1/sessions/" + henry, null, 202);
			assertThat(next(client).line()).isEqualTo("OUT");
			assertThat(client.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
		}
		// The node releases the session in the directory right after the close: poll
		// until it is gone.
		awaitNoSession(henry);
		call("DELETE", "/api/v1/sessions/" + henry, null, 404);
	}

	@Test
	void noSpellingOfAnApiPathPassesAsAConsoleFile() throws Exception {
		String paula = create("paula", null);
		try (MsnpTestClient client = signIn(paula)) {
			for (String path : List.of("/console/../api/v1/sessions", "/console/%2e%2e/api/v1/sessions",
					"/console/..;/api/v1/sessions", "/console;/../api/v1/sessions", "/swagger-ui/../api/v1/sessions",
					"/v3/api-docs/../../api/v1/sessions")) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path).isIn(400, 401, 404);
				assertThat(response.body()).as(path).doesNotContain(paula);
			}
		}
	}

	private static void awaitNoSession(String handle) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (call("GET", "/api/v1/sessions", null, 200).toString().contains(handle)) {
			assertThat(System.nanoTime()).as("%s still listed as online", handle).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void aSystemMessageReachesEverybodyOnline() throws Exception {
		String ivy = create("ivy", null);
		try (MsnpTestClient client = signIn(ivy)) {
			call("POST", "/api/v1/system-messages", "{\"minutes\":5}", 202);
			Frame message = next(client);
			assertThat(message.line()).startsWith("MSG Hotmail Hotmail ");
			assertThat(message.payloadAsUtf8()).contains("application/x-msmsgssystemmessage", "Arg1: 5");
		}
	}

	@Test
	void deletingAnAccountSignsItOutAndTellsItsContacts() throws Exception {
		String jack = create("jack", null);
		String kate = create("kate", null);
		call("PUT", "/api/v1/accounts/" + kate + "/lists/FL/" + jack, "{}", 200);
		try (MsnpTestClient jackClient = signIn(jack); MsnpTestClient kateClient = signIn(kate)) {
			assertThat(next(kateClient).line()).isEqualTo("ILN 4 NLN " + jack + " " + jack.replace("@", "%40"));
			call("DELETE", "/api/v1/accounts/" + jack, null, 204);
			assertThat(next(jackClient).line()).isEqualTo("OUT");
			// Her client drops the contact (msnp.md 9.2, 9.5).
			assertThat(next(kateClient).line()).isEqualTo("REM 0 FL 2 " + jack);
			assertThat(jackClient.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
		}
	}

	private static String create(String name, String friendlyName) throws Exception {
		String email = name + "-" + (++numbers) + "@example.com";
		String body = (friendlyName != null) ? "{\"email\":\"%s\",\"password\":\"%s\",\"friendlyName\":\"%s\"}"
			.formatted(email, PASSWORD, friendlyName)
				: "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD);
		call("POST", "/api/v1/accounts", body, 201);
		return email;
	}

	private static JsonNode call(String method, String path, String body, int status)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
			.header("Authorization", "Bearer " + TOKEN)
			.timeout(Duration.ofSeconds(10));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
		return response.body().isEmpty() ? null : json.readTree(response.body());
	}

	private static MsnpTestClient signIn(String handle) {
		return cluster.signIn(handle, PASSWORD);
	}

	private static Frame next(MsnpTestClient client) {
		return LiveCluster.next(client);
	}

}
