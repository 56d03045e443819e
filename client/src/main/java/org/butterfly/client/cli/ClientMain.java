package org.butterfly.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import org.butterfly.client.ClientOptions;
import org.butterfly.protocol.vocab.Dialect;

/**
 * The command-line client ({@code ./butterfly-client}): a line-based REPL with history on
 * the client library.
 */
public final class ClientMain {

	static final String USAGE = String.join(System.lineSeparator(),
			"Usage: butterfly-client [--server host:port] [--dialect MSNP2..MSNP7] [--timeout seconds]",
			"                        [--history file] [--help]",
			"  --server    the dispatch server, or a notification server (default 127.0.0.1:1863,",
			"              or BUTTERFLY_CLIENT_SERVER)", "  --dialect   the protocol version to speak (default MSNP7)",
			"  --timeout   how long to wait for a reply (default 10)",
			"  --history   the command history file (default ~/.butterfly-client-history)",
			"Then type /help for the commands.");

	private ClientMain() {
	}

	public static void main(String[] args) throws IOException {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		if (arguments.help()) {
			out.println(USAGE);
			return 0;
		}
		try (Terminal terminal = TerminalBuilder.builder().name("butterfly").system(true).build()) {
			LineReader reader = LineReaderBuilder.builder()
				.terminal(terminal)
				.appName("butterfly-client")
				.variable(LineReader.HISTORY_FILE, arguments.history())
				.variable(LineReader.HISTORY_SIZE, 1000)
				.build();
			Repl repl = new Repl(arguments.options(), new Repl.Console() {
				@Override
				public void print(String line) {
					reader.printAbove(line);
				}

				@Override
				public String readSecret(String prompt) {
					try {
						return reader.readLine(prompt, '*');
					}
					catch (UserInterruptException | EndOfFileException ex) {
						return null;
					}
				}
			});
			reader.printAbove("Butterfly client - " + arguments.options().server().getHostString() + ":"
					+ arguments.options().server().getPort()
					+ ". Type /help for the commands, /login <email> to sign in.");
			loop(reader, repl);
		}
		return 0;
	}

	private static void loop(LineReader reader, Repl repl) {
		try {
			while (true) {
				String line;
				try {
					line = reader.readLine(repl.prompt());
				}
				catch (UserInterruptException ex) {
					continue;
				}
				if (!repl.handle(line)) {
					return;
				}
			}
		}
		catch (EndOfFileException ex) {
			// Ctrl-D: quit like /quit.
		}
		finally {
			repl.quit();
		}
	}

	/** The parsed command line. */
	record Arguments(ClientOptions options, Path history, boolean help) {

		static Arguments parse(String[] args) {
			String server = System.getenv().getOrDefault("BUTTERFLY_CLIENT_SERVER", "127.0.0.1:1863");
			Dialect dialect = Dialect.MSNP7;
			Duration timeout = ClientOptions.DEFAULT_TIMEOUT;
			Path history = Path.of(System.getProperty("user.home"), ".butterfly-client-history");
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--help", "-h" -> {
						return new Arguments(null, history, true);
					}
					case "--server" -> server = value(args, ++i, arg);
					case "--dialect" -> dialect = Dialect.fromToken(value(args, ++i, arg))
						.orElseThrow(() -> new IllegalArgumentException("--dialect: MSNP2 to MSNP7"));
					case "--timeout" -> timeout = Duration.ofSeconds(seconds(value(args, ++i, arg)));
					case "--history" -> history = Path.of(value(args, ++i, arg));
					default -> throw new IllegalArgumentException("Unknown option " + arg);
				}
			}
			ClientOptions options = ClientOptions.of(ClientOptions.address(server), dialect).withTimeout(timeout);
			return new Arguments(options, history, false);
		}

		private static String value(String[] args, int index, String option) {
			if (index >= args.length || args[index].startsWith("--")) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args[index];
		}

		private static long seconds(String text) {
			try {
				long seconds = Long.parseLong(text);
				if (seconds < 1 || seconds > 3600) {
					throw new IllegalArgumentException("--timeout: 1 to 3600 seconds");
				}
				return seconds;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--timeout: a number of seconds", ex);
			}
		}

	}

}
