package org.butterfly.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.standalone.Platform;
import org.butterfly.standalone.Settings;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform (dispatch, notification, switchboard, admin API) in this JVM on an
 * embedded PostgreSQL, started once for every test class of this module and stopped when
 * the JVM exits; accounts are made over the admin API's REST, as an operator does.
 */
public final class TestPlatform {

	public static final String PASSWORD = "correct horse";

	static final String ADMIN_TOKEN = "client-tests-admin-token";

	/** The switchboard's ticket key, so a test can mint its own caller tickets. */
	static final String TICKET_KEY = "client-tests-ticket-key-that-is-long-enough";

	private static final AtomicInteger users = new AtomicInteger();

	private static TestPlatform instance;

	private final Map<String, String> environment;

	private final HttpClient http = HttpClient.newHttpClient();

	private TestPlatform(Map<String, String> environment) {
		this.environment = environment;
	}

	/** The running platform, started on first use. */
	public static synchronized TestPlatform get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static TestPlatform start() {
		try {
			Path home = Files.createTempDirectory("butterfly-client-tests");
			// The embedded server runs as an unprivileged user under root: it must reach
			// the folder.
			Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
			Map<String, String> environment = new HashMap<>();
			for (String port : new String[] { "BUTTERFLY_DS_PORT", "BUTTERFLY_NS_PORT", "BUTTERFLY_SB_PORT",
					"BUTTERFLY_ADMIN_PORT" }) {
				try (ServerSocket socket = new ServerSocket(0)) {
					environment.put(port, String.valueOf(socket.getLocalPort()));
				}
			}
			environment.put("BUTTERFLY_DATA_DIR", home.resolve("pgdata").toString());
			environment.put("BUTTERFLY_ADMIN_TOKEN", ADMIN_TOKEN);
			environment.put("BUTTERFLY_SECRET_KEY", TICKET_KEY);
			Platform platform = Platform.start(Settings.from(environment));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				platform.close();
				deleteRecursively(home);
			}, "platform-stop"));
			return new TestPlatform(Map.copyOf(environment));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path folder) {
		try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Only a temporary folder left behind.
		}
	}

	public InetSocketAddress dispatch() {
		return address("BUTTERFLY_DS_PORT");
	}

	public InetSocketAddress switchboard() {
		return address("BUTTERFLY_SB_PORT");
	}

	/** Client options through the dispatch server, with a short timeout. */
	public ClientOptions options(Dialect dialect) {
		return ClientOptions.of(dispatch(), dialect).withTimeout(Duration.ofSeconds(10));
	}

	/** A fresh handle, unique in this run: {@code name-N@example.com}. */
	public String newHandle(String name) {
		return name + "-" + users.incrementAndGet() + "@example.com";
	}

	/** Creates an account over REST with {@link #PASSWORD}. */
	public String createAccount(String name, String friendlyName) {
		String handle = newHandle(name);
		admin("POST", "/api/v1/accounts", "{\"email\":\"" + handle + "\",\"password\":\"" + PASSWORD
				+ "\",\"friendlyName\":\"" + friendlyName + "\"}", 201);
		return handle;
	}

	/** Puts {@code contact} on {@code owner}'s list over REST. */
	public void addToList(String owner, String list, String contact) {
		admin("PUT", "/api/v1/accounts/" + owner + "/lists/" + list + "/" + contact, "{}", 200);
	}

	/** Puts each on the other's FL. */
	public void befriend(String one, String other) {
		addToList(one, "FL", other);
		addToList(other, "FL", one);
	}

	/** Pushes a {@code NOT} alert with {@code text} to {@code handle} over REST. */
	public void pushAlert(String handle, String text) {
		admin("POST", "/api/v1/accounts/" + handle + "/notifications",
				"{\"text\":\"" + text + "\",\"actionUrl\":\"/news\",\"siteUrl\":\"http://alerts.example.com\"}", 202);
	}

	/** A caller ticket for the platform's switchboard, as {@code XFR SB} would issue. */
	public String callerTicket(String handle, String friendlyName) {
		TicketIssuer issuer = new TicketIssuer(TicketKeys.of(TICKET_KEY));
		return issuer.issueCaller("127.0.0.1:" + switchboard().getPort(), handle, friendlyName);
	}

	/** Sends a request to the admin API and checks the status; returns the body. */
	public String admin(String method, String path, String json, int status) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.environment.get("BUTTERFLY_ADMIN_PORT") + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private InetSocketAddress address(String port) {
		return new InetSocketAddress("127.0.0.1", Integer.parseInt(this.environment.get(port)));
	}

}
