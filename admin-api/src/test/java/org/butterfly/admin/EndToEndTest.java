package org.butterfly.admin;

import java.io.IOException;
import java.net.InetSocketAddress;
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

import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountService;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.protocol.reply.NotificationDocument;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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

	private static ConfigurableApplicationContext admin;

	private static ConfigurableApplicationContext notification;

	private static String api;

	private static InetSocketAddress ns;

	private static int numbers;

	@BeforeAll
	static void start() {
		TestDatabase database = TestDatabase.create();
		List<String> shared = List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--butterfly.cluster.mode=postgres",
				"--butterfly.cluster.database.url=" + database.jdbcUrl(),
				"--butterfly.cluster.database.username=" + database.username(),
				"--butterfly.cluster.database.password=" + database.password(),
				"--butterfly.directory.bcrypt-strength=4", "--spring.datasource.hikari.maximum-pool-size=6");
		// Command-line arguments, because they win over each application's own file.
		// The admin API first: it owns the migrations; the notification server validates.
		admin = new SpringApplicationBuilder(AdminApiApplication.class)
			.run(arguments(shared, "--server.port=0", "--butterfly.admin.token=" + TOKEN));
		api = "http://127.0.0.1:" + admin.getEnvironment().getProperty("local.server.port");
		// No configuration file: the admin API's application.yml is first on this
		// class path.
		notification = new SpringApplicationBuilder(NotificationServerApplication.class).web(WebApplicationType.NONE)
			.run(arguments(shared, "--spring.config.name=notification-server-end-to-end",
					"--spring.jpa.open-in-view=false", "--spring.jpa.hibernate.ddl-auto=validate",
					"--butterfly.directory.schema=validate", "--butterfly.notification.listener.host=127.0.0.1",
					"--butterfly.notification.listener.port=0", "--butterfly.notification.listener.shutdown-grace=1s"));
		ns = (InetSocketAddress) notification.getBean(NettyServer.class).localAddress();
	}

	private static String[] arguments(List<String> shared, String... own) {
		List<String> all = new java.util.ArrayList<>(shared);
		all.addAll(List.of(own));
		return all.toArray(String[]::new);
	}

	@AfterAll
	static void stop() {
		if (notification != null) {
			notification.close();
		}
		if (admin != null) {
			admin.close();
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
			Account account = admin.getBean(AccountService.class).find(carol).orElseThrow();
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

	/** Signs in over MSNP5 and goes online with the first CHG. */
	private static MsnpTestClient signIn(String handle) {
		MsnpTestClient client = MsnpTestClient.connect(ns);
		client.send(Frame.of("VER", "1", "MSNP5"));
		assertThat(next(client).line()).isEqualTo("VER 1 MSNP5");
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		Frame challenge = next(client);
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(challenge.token(3), PASSWORD)));
		assertThat(next(client).line()).startsWith("USR 3 OK " + handle);
		assertThat(next(client).verb()).isEqualTo("MSG");
		client.send(Frame.of("CHG", "4", "NLN"));
		assertThat(next(client).line()).isEqualTo("CHG 4 NLN");
		return client;
	}

	private static Frame next(MsnpTestClient client) {
		Frame frame = client.nextFrame(Duration.ofSeconds(5));
		assertThat(frame).as("a line from the server").isNotNull();
		return frame;
	}

}
