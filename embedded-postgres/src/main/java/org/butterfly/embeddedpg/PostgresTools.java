package org.butterfly.embeddedpg;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code initdb} and {@code pg_ctl} from an installation, as the {@link ServerUser}.
 * Each call returns once the tool has exited; {@code pg_ctl} leaves the server running in
 * the background with its output redirected to a log file.
 */
final class PostgresTools {

	private final Path installation;

	private final ServerUser user;

	PostgresTools(Path installation, ServerUser user) {
		this.installation = installation;
		this.user = user;
	}

	/**
	 * Creates a cluster with trust authentication on localhost, UTF-8 and the C locale
	 * (which exists everywhere). Without {@code durable}, initdb skips flushing its files
	 * to disk.
	 */
	Result initdb(Path dataDirectory, boolean durable) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("-D", dataDirectory.toString(), "-A", "trust", "-U",
				EmbeddedPostgres.SUPERUSER, "-E", "UTF8", "--locale=C", "--no-instructions"));
		if (!durable) {
			arguments.add("--no-sync");
		}
		return run("initdb", arguments.toArray(String[]::new));
	}

	/**
	 * Starts the server and waits until it accepts connections (pg_ctl reads that from
	 * postmaster.pid).
	 */
	Result start(Path dataDirectory, Path logFile, Duration timeout) throws IOException {
		return run("pg_ctl", "start", "-D", dataDirectory.toString(), "-l", logFile.toString(), "-w", "-t",
				seconds(timeout));
	}

	/**
	 * A fast shutdown: rolls back open transactions, closes connections, waits until the
	 * server is gone.
	 */
	Result stop(Path dataDirectory, Duration timeout) throws IOException {
		return run("pg_ctl", "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", seconds(timeout));
	}

	private Result run(String tool, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(this.installation.resolve("bin").resolve(tool).toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(this.user.command(command)).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		// PGPORT, PGDATA, PGOPTIONS and friends would silently change what the tools do.
		environment.keySet().removeIf((name) -> name.startsWith("PG"));
		environment.put("LC_ALL", "C");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			int exitCode = process.waitFor();
			return new Result(String.join(" ", command), exitCode, output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for " + tool);
		}
	}

	private static String seconds(Duration timeout) {
		return Long.toString(Math.max(1, timeout.toSeconds()));
	}

	/** How a tool ended, with everything it printed. */
	record Result(String command, int exitCode, String output) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

		String describe() {
			return "'" + this.command + "' exited with " + this.exitCode
					+ (this.output.isEmpty() ? "" : ":\n" + this.output);
		}

	}

}
