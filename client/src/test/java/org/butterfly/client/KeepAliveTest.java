package org.butterfly.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.Md5;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keep-alive, the source address and the direct sign-in on a server that answers
 * {@code USR I} with the salt (a combined DS+NS, msnp.md §1.3), against a scripted server
 * on a real socket: the platform's idle timeout is minutes long.
 */
class KeepAliveTest {

	@Test
	void signsInDirectlyFromTheGivenAddressAndSendsPngAtTheInterval() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> session = CompletableFuture.runAsync(() -> serve(server, received));
			ClientOptions options = ClientOptions
				.of(new InetSocketAddress("127.0.0.1", server.getLocalPort()), Dialect.MSNP5)
				.withKeepAlive(Duration.ofMillis(100))
				.withLocalAddress(InetAddress.getByName("127.0.0.2"));
			try (MessengerClient client = new MessengerClient(options, null)) {
				SignedIn user = client.signIn("alice@example.com", "pw").get(10, TimeUnit.SECONDS);
				assertThat(user).isEqualTo(new SignedIn("alice@example.com", "Alice A.", Dialect.MSNP5));
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
				while (received.stream().filter("PNG"::equals).count() < 3 && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
			}
			session.get(10, TimeUnit.SECONDS);
		}
		assertThat(received).startsWith("from 127.0.0.2", "VER 1 MSNP5 CVR0", "INF 2", "USR 3 MD5 I alice@example.com",
				"USR 4 MD5 S " + Md5.signInResponse("1.2", "pw"));
		assertThat(received.stream().filter("PNG"::equals).count()).isGreaterThanOrEqualTo(3);
		assertThat(received).last().isEqualTo("OUT");
	}

	/** Answers the sign-in, then every PNG with QNG, until OUT. */
	private static void serve(ServerSocket server, List<String> received) {
		try (Socket socket = server.accept()) {
			received.add("from " + socket.getInetAddress().getHostAddress());
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				received.add(line);
				String[] tokens = line.split(" ");
				String reply = switch (tokens[0]) {
					case "VER" -> "VER " + tokens[1] + " MSNP5 CVR0";
					case "INF" -> "INF " + tokens[1] + " MD5";
					case "USR" -> tokens[3].equals("I") ? "USR " + tokens[1] + " MD5 S 1.2"
							: "USR " + tokens[1] + " OK alice@example.com Alice%20A.";
					case "PNG" -> "QNG";
					default -> null;
				};
				if ("OUT".equals(tokens[0])) {
					return;
				}
				if (reply != null) {
					out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
