package org.butterfly.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.butterfly.client.ClientListener;
import org.butterfly.client.Invitation;
import org.butterfly.client.Message;
import org.butterfly.client.MessengerClient;
import org.butterfly.client.Presence;
import org.butterfly.client.Switchboard;
import org.butterfly.client.SwitchboardListener;
import org.butterfly.client.TestPlatform;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command-line client used as a person uses it: started in a terminal (tmux), typed
 * into with {@code tmux send-keys}, and read from the screen with
 * {@code tmux capture-pane}, against the real platform. Skipped only where tmux is not
 * installed (CI installs it, see {@code .ci/run}).
 */
class CommandLineClientTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** A tmux server of its own, so the test never touches anybody's sessions. */
	private final String socket = "butterfly-client-test-" + ProcessHandle.current().pid();

	@TempDir
	Path home;

	private final List<MessengerClient> others = new ArrayList<>();

	@BeforeEach
	void needsTmux() {
		assumeTrue(tmuxInstalled(), "tmux is not installed");
	}

	@AfterEach
	void stop() throws Exception {
		this.others.forEach(MessengerClient::close);
		run("tmux", "-L", this.socket, "kill-server");
	}

	@Test
	void signsInSeesContactsAddsBlocksAndReceivesAlerts() throws Exception {
		TestPlatform platform = TestPlatform.get();
		String alice = platform.createAccount("alice", "Alice");
		String bob = platform.createAccount("bob", "Bob");
		String carol = platform.createAccount("carol", "Carol");
		platform.befriend(alice, bob);

		Path history = this.home.resolve("history");
		tmux("new-session", "-d", "-s", "client", "-x", "150", "-y", "50", javaCommand("--server",
				"127.0.0.1:" + platform.dispatch().getPort(), "--dialect", "MSNP7", "--history", history.toString()));
		awaitScreen("Type /help for the commands");

		type("/login " + alice);
		awaitScreen("Password for " + alice + ":");
		type(TestPlatform.PASSWORD);
		awaitScreen("Signed in as Alice <" + alice + "> with MSNP7; 1 contact. You are online.");
		assertThat(screen()).doesNotContain(TestPlatform.PASSWORD);

		// A contact comes online.
		List<String> bobSees = new CopyOnWriteArrayList<>();
		MessengerClient bobClient = signIn(bob, new ClientListener() {
			@Override
			public void presenceChanged(String handle, Presence presence) {
				bobSees.add(handle + " " + presence.status());
			}
		});
		awaitScreen("* Bob <" + bob + "> is online");
		type("/list");
		awaitScreen("online   Bob <" + bob + ">");

		// Add: carol is told by the server.
		List<String> carolSees = new CopyOnWriteArrayList<>();
		signIn(carol, new ClientListener() {
			@Override
			public void addedBy(String handle, String friendlyName) {
				carolSees.add(handle);
			}
		});
		type("/add " + carol + " Carol from work");
		awaitScreen("Added " + carol + ".");
		awaitTrue(() -> carolSees.contains(alice), "carol is told she was added");

		// Block: alice disappears for bob.
		type("/block " + bob);
		awaitScreen(bob + " blocked.");
		awaitTrue(() -> bobSees.contains(alice + " FLN"), "bob sees alice go offline");
		type("/list");
		awaitScreen("Bob <" + bob + "> [blocked]");
		assertThat(bobClient.presence(alice)).isEqualTo(Presence.OFFLINE);

		// An alert pushed over the admin API.
		platform.pushAlert(alice, "Maintenance tonight at 22:00");
		awaitScreen("! Alert: Maintenance tonight at 22:00 (/news)");

		type("/status away");
		awaitScreen("You are away.");
		type("/status sleeping");
		awaitScreen("Unknown status sleeping");
		type("/add not-an-address");
		awaitScreen("Error: ADD refused with MSNP error 201");
		type("hello?");
		awaitScreen("No conversation: start one with /chat <email>");

		type("/quit");
		awaitExit();
		assertThat(Files.readString(history)).contains("/login " + alice)
			.contains("/block " + bob)
			.doesNotContain(TestPlatform.PASSWORD);
	}

	/**
	 * A conversation typed in the terminal: {@code /chat} opens it and calls bob (a
	 * library client that answers), plain lines go to it, bob's lines are printed.
	 */
	@Test
	void chatsWithAContact() throws Exception {
		TestPlatform platform = TestPlatform.get();
		String alice = platform.createAccount("alice", "Alice");
		String bob = platform.createAccount("bob", "Bob");
		platform.befriend(alice, bob);
		List<String> bobReads = new CopyOnWriteArrayList<>();
		List<Switchboard> bobSide = new CopyOnWriteArrayList<>();
		SwitchboardListener reader = new SwitchboardListener() {
			@Override
			public void message(Switchboard switchboard, String sender, String friendlyName, Message message) {
				bobReads.add(message.body());
			}
		};
		MessengerClient[] bobClient = new MessengerClient[1];
		bobClient[0] = signIn(bob, new ClientListener() {
			@Override
			public void invited(Invitation invitation) {
				bobClient[0].answer(invitation, reader).thenAccept(bobSide::add);
			}
		});

		tmux("new-session", "-d", "-s", "client", "-x", "150", "-y", "50", javaCommand("--server",
				"127.0.0.1:" + platform.dispatch().getPort(), "--history", this.home.resolve("history").toString()));
		awaitScreen("Type /help for the commands");
		type("/login " + alice);
		awaitScreen("Password for " + alice + ":");
		type(TestPlatform.PASSWORD);
		awaitScreen("You are online.");
		type("/chat " + bob);
		awaitScreen("[1] Bob <" + bob + "> joined");
		type("Hello Bob!");
		awaitTrue(() -> bobReads.contains("Hello Bob!"), "bob reads alice's line");
		bobSide.get(0).sendText("Hi Alice").get(20, TimeUnit.SECONDS);
		awaitScreen("[1] Bob: Hi Alice");
		type("/chats");
		awaitScreen("* [1] Bob");
		type("/leave");
		awaitScreen("[1] You left.");
	}

	@Test
	void printsUsageWithHelpAndRefusesUnknownOptions() throws Exception {
		Process help = new ProcessBuilder(javaArguments("--help")).redirectErrorStream(true).start();
		assertThat(help.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.startsWith("Usage: butterfly-client")
			.contains("--server")
			.contains("/help");
		assertThat(help.exitValue()).isZero();

		Process wrong = new ProcessBuilder(javaArguments("--port", "1")).redirectErrorStream(true).start();
		assertThat(wrong.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(new String(wrong.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.startsWith("Unknown option --port");
		assertThat(wrong.exitValue()).isEqualTo(2);
	}

	private MessengerClient signIn(String handle, ClientListener listener) throws Exception {
		MessengerClient client = new MessengerClient(TestPlatform.get().options(Dialect.MSNP5), listener);
		this.others.add(client);
		client.signIn(handle, TestPlatform.PASSWORD).get(20, TimeUnit.SECONDS);
		client.sync().get(20, TimeUnit.SECONDS);
		client.setStatus(Status.NLN).get(20, TimeUnit.SECONDS);
		return client;
	}

	/** Types a line and presses Enter. */
	private void type(String line) throws Exception {
		tmux("send-keys", "-t", "client", "-l", line);
		tmux("send-keys", "-t", "client", "Enter");
	}

	/** The visible screen and its scroll-back. */
	private String screen() throws Exception {
		Process capture = new ProcessBuilder("tmux", "-L", this.socket, "capture-pane", "-p", "-J", "-S", "-500", "-t",
				"client")
			.redirectErrorStream(true)
			.start();
		String text = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		capture.waitFor();
		return text;
	}

	private void awaitScreen(String text) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		String screen = screen();
		while (!screen.contains(text)) {
			if (System.nanoTime() > deadline) {
				fail("'%s' did not appear on the screen within %s:%n%s", text, WAIT, screen);
			}
			Thread.sleep(100);
			screen = screen();
		}
	}

	private void awaitExit() throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (run("tmux", "-L", this.socket, "has-session", "-t", "client") == 0) {
			if (System.nanoTime() > deadline) {
				new ProcessBuilder("sh", "-c",
						"for p in $(pgrep -f cli.ClientMain); do jstack $p; done > /tmp/cli-jstack.txt")
					.start()
					.waitFor();
				fail("the client did not exit within %s:%n%s", WAIT, screen());
			}
			Thread.sleep(100);
		}
	}

	private static void awaitTrue(Check check, String what) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!check.holds()) {
			if (System.nanoTime() > deadline) {
				fail("%s: not within %s", what, WAIT);
			}
			Thread.sleep(100);
		}
	}

	private interface Check {

		boolean holds() throws Exception;

	}

	private void tmux(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("tmux", "-L", this.socket));
		command.addAll(List.of(arguments));
		assertThat(run(command.toArray(String[]::new))).as("%s", command).isZero();
	}

	private static int run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return process.waitFor();
	}

	private static boolean tmuxInstalled() {
		try {
			return run("tmux", "-V") == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	/** The client's command line, as one shell string for tmux. */
	private static String javaCommand(String... arguments) {
		StringBuilder command = new StringBuilder();
		for (String argument : javaArguments(arguments)) {
			command.append('\'').append(argument.replace("'", "'\\''")).append("' ");
		}
		return command.toString();
	}

	/** This JVM's java with this test's class path running the client. */
	private static List<String> javaArguments(String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), ClientMain.class.getName()));
		command.addAll(List.of(arguments));
		return command;
	}

}
