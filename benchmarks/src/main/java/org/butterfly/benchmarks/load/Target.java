package org.butterfly.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.butterfly.client.ClientOptions;

/**
 * What the load generator drives: Butterfly in a JVM it starts itself ({@link Spawned}),
 * or any MSNP2-7 server with existing accounts ({@link Remote}).
 */
sealed interface Target extends AutoCloseable permits Target.Spawned, Target.Remote {

	/** Most accounts an accounts file may list. */
	int MAX_ACCOUNTS = 1_000_000;

	/** The notification servers (or dispatch servers) to sign in on. */
	List<InetSocketAddress> nodes();

	List<Account> accounts();

	/** A connection to the server's database, for the write-path baseline, if known. */
	default Connection database() throws SQLException {
		throw new SQLException("no database: the target is a remote server");
	}

	/** The server JVM's used heap after full collections, if the generator runs it. */
	default OptionalLong heapAfterGc() throws IOException {
		return OptionalLong.empty();
	}

	/** The admin API's base URL and token, if the generator started it. */
	default Optional<AdminApi> adminApi() {
		return Optional.empty();
	}

	String describe();

	record AdminApi(URI url, String token) {
	}

	@Override
	void close();

	record Account(String email, String password) {
	}

	/** Any server, given {@code host:port} and a file of {@code email,password} lines. */
	record Remote(List<InetSocketAddress> nodes, List<Account> accounts) implements Target {

		static Remote of(String servers, Path accountsFile) throws IOException {
			List<InetSocketAddress> nodes = new ArrayList<>();
			for (String server : servers.split(",")) {
				InetSocketAddress address = ClientOptions.address(server.trim());
				nodes.add(new InetSocketAddress(address.getHostString(), address.getPort()));
			}
			return new Remote(List.copyOf(nodes), readAccounts(accountsFile));
		}

		static List<Account> readAccounts(Path file) throws IOException {
			List<Account> accounts = new ArrayList<>();
			int number = 0;
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				number++;
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				int comma = trimmed.indexOf(',');
				if (comma <= 0 || comma == trimmed.length() - 1 || trimmed.indexOf('@') < 0) {
					throw new IllegalArgumentException(file + " line " + number + ": expected email,password");
				}
				if (accounts.size() == MAX_ACCOUNTS) {
					throw new IllegalArgumentException(file + ": more than " + MAX_ACCOUNTS + " accounts");
				}
				accounts.add(new Account(trimmed.substring(0, comma).strip(), trimmed.substring(comma + 1)));
			}
			if (accounts.isEmpty()) {
				throw new IllegalArgumentException(file + ": no accounts");
			}
			return List.copyOf(accounts);
		}

		@Override
		public String describe() {
			return "remote " + this.nodes;
		}

		@Override
		public void close() {
		}

	}

	/**
	 * Butterfly in a child JVM ({@link ServerUnderTest}) on this class path: its heap
	 * holds only the server, so heap per session can be measured.
	 */
	final class Spawned implements Target {

		private final Process process;

		private final PrintWriter commands;

		private final BufferedReader replies;

		private final List<InetSocketAddress> nodes = new ArrayList<>();

		private final List<Account> accounts;

		private final String[] jdbc;

		private final AdminApi adminApi;

		private final int users;

		private final int contacts;

		/** The server JVM's own output, kept out of the progress lines. */
		private final Path log;

		Spawned(int users, int contacts, int nodes, String heap, boolean adminApi) throws IOException {
			this.users = users;
			this.contacts = contacts;
			Path file = Files.createTempFile("loadgen-accounts", ".csv");
			this.log = Files.createTempFile("loadgen-server", ".log");
			String java = ProcessHandle.current().info().command().orElse("java");
			List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp",
					System.getProperty("java.class.path"), ServerUnderTest.class.getName(), String.valueOf(users),
					String.valueOf(contacts), String.valueOf(nodes), file.toString()));
			if (adminApi) {
				command.add("admin");
			}
			this.process = new ProcessBuilder(command).redirectError(this.log.toFile()).start();
			this.commands = new PrintWriter(this.process.getOutputStream(), true, StandardCharsets.UTF_8);
			this.replies = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
			String[] database = null;
			AdminApi admin = null;
			for (String line = this.replies.readLine(); !"ready".equals(line); line = this.replies.readLine()) {
				if (line == null) {
					close();
					throw new IOException("the server JVM stopped before it was ready, see " + this.log);
				}
				if (line.startsWith("node ")) {
					InetSocketAddress address = ClientOptions.address(line.substring(5));
					this.nodes.add(new InetSocketAddress(address.getHostString(), address.getPort()));
				}
				else if (line.startsWith("jdbc ")) {
					database = line.substring(5).split(" ");
				}
				else if (line.startsWith("admin ")) {
					String[] parts = line.substring(6).split(" ");
					admin = new AdminApi(URI.create(parts[0]), parts[1]);
				}
			}
			this.jdbc = database;
			this.adminApi = admin;
			this.accounts = Remote.readAccounts(file);
			Files.delete(file);
		}

		@Override
		public List<InetSocketAddress> nodes() {
			return this.nodes;
		}

		@Override
		public List<Account> accounts() {
			return this.accounts;
		}

		@Override
		public Connection database() throws SQLException {
			return DriverManager.getConnection(this.jdbc[0], this.jdbc[1], this.jdbc[2]);
		}

		@Override
		public Optional<AdminApi> adminApi() {
			return Optional.ofNullable(this.adminApi);
		}

		@Override
		public OptionalLong heapAfterGc() throws IOException {
			this.commands.println("heap");
			String reply = this.replies.readLine();
			if (reply == null || !reply.startsWith("heap ")) {
				throw new IOException("the server JVM did not answer heap: " + reply);
			}
			return OptionalLong.of(Long.parseLong(reply.substring(5)));
		}

		@Override
		public String describe() {
			return "Butterfly in a child JVM: " + this.nodes.size() + " notification node(s) " + this.nodes
					+ ", a switchboard, embedded PostgreSQL, " + this.users + " accounts with " + this.contacts
					+ " contacts each (its log: " + this.log + ")";
		}

		@Override
		public void close() {
			this.commands.println("quit");
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}

	}

}
