package org.butterfly.embeddedpg;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A PostgreSQL data directory used by one {@link EmbeddedPostgres}: a persistent folder,
 * or a temporary one that is deleted on {@link #release()}.
 * <p>
 * While acquired, an exclusive lock on a file next to the directory keeps other JVMs and
 * other instances out. The operating system drops that lock when a JVM dies, so a server
 * still running on an unlocked directory is known to be orphaned by a killed JVM rather
 * than in use.
 */
final class DataDirectory {

	private static final String SETTINGS_FILE = "embedded-postgres.conf";

	private static final String LOG_FILE = "postgres.log";

	private static final String PID_FILE = "postmaster.pid";

	private final Path path;

	/**
	 * The temporary folder holding the data directory and its lock file; null when
	 * persistent.
	 */
	private final Path temporaryRoot;

	private FileChannel lockChannel;

	private DataDirectory(Path path, Path temporaryRoot) {
		this.path = path;
		this.temporaryRoot = temporaryRoot;
	}

	static DataDirectory persistent(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		if (absolute.getParent() == null) {
			throw new IllegalArgumentException("The data directory cannot be the file system root");
		}
		return new DataDirectory(absolute, null);
	}

	static DataDirectory temporary() {
		try {
			Path root = Files.createTempDirectory("butterfly-pg-");
			return new DataDirectory(root.resolve("data"), root);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Cannot create a temporary data directory", ex);
		}
	}

	Path path() {
		return this.path;
	}

	boolean isTemporary() {
		return this.temporaryRoot != null;
	}

	/**
	 * Locks the directory (creating it if needed) and hands it to the server user; does
	 * nothing if held.
	 * @throws EmbeddedPostgresException if another instance holds it, or the server user
	 * cannot reach it
	 */
	void acquire(ServerUser user) throws IOException {
		if (this.lockChannel != null) {
			return;
		}
		if (!Files.isDirectory(this.path)) {
			Files.createDirectories(this.path.getParent());
			Files.createDirectory(this.path,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		Path lockFile = this.path.resolveSibling(this.path.getFileName() + ".lock");
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new EmbeddedPostgresException("The data directory " + this.path
					+ " is in use by another embedded PostgreSQL (" + lockFile + " is locked)");
		}
		this.lockChannel = channel;
		// The temporary root is ours alone (and private to root until handed over); a
		// persistent parent is not.
		user.own(isTemporary() ? this.temporaryRoot : this.path);
		user.requireReachable(this.path);
	}

	/** Unlocks the directory and deletes it if it is temporary. */
	void release() throws IOException {
		if (this.lockChannel != null) {
			this.lockChannel.close();
			this.lockChannel = null;
		}
		if (isTemporary()) {
			FileTrees.delete(this.temporaryRoot);
		}
	}

	boolean isInitialized() {
		return Files.exists(this.path.resolve("PG_VERSION"));
	}

	String version() throws IOException {
		return Files.readString(this.path.resolve("PG_VERSION")).strip();
	}

	/**
	 * Runs once after initdb: trusts the whole loopback network (initdb trusts only
	 * 127.0.0.1, but nodes bind to addresses such as 127.0.0.11) and makes
	 * postgresql.conf read the settings file written on each start.
	 */
	void configureAfterInitdb() throws IOException {
		Files.writeString(this.path.resolve("pg_hba.conf"), "\nhost all all 127.0.0.0/8 trust\n",
				StandardOpenOption.APPEND);
		Files.writeString(this.path.resolve("postgresql.conf"), "\ninclude_if_exists = '" + SETTINGS_FILE + "'\n",
				StandardOpenOption.APPEND);
	}

	/**
	 * Replaces the settings file read at the end of postgresql.conf (ALTER SYSTEM still
	 * overrides it).
	 */
	void writeSettings(Map<String, String> settings) throws IOException {
		StringBuilder file = new StringBuilder("# Written by Butterfly's EmbeddedPostgres on each start.\n");
		settings.forEach((name, value) -> file.append(name)
			.append(" = '")
			.append(value.replace("\\", "\\\\").replace("'", "''"))
			.append("'\n"));
		Files.writeString(this.path.resolve(SETTINGS_FILE), file, StandardCharsets.UTF_8);
	}

	/** The pid recorded by the last postmaster, if its pid file is still there. */
	OptionalLong postmasterPid() throws IOException {
		Path pidFile = this.path.resolve(PID_FILE);
		if (!Files.exists(pidFile)) {
			return OptionalLong.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		try {
			return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	void deletePidFile() throws IOException {
		Files.deleteIfExists(this.path.resolve(PID_FILE));
	}

	Path logFile() {
		return this.path.resolve(LOG_FILE);
	}

	/**
	 * Keeps the previous run's log as postgres.log.1, so that each log file holds one
	 * run.
	 */
	void rotateLog() throws IOException {
		if (Files.exists(logFile())) {
			Files.move(logFile(), this.path.resolve(LOG_FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** The last lines of the server log, for error messages. */
	String logTail(int lineCount) {
		try {
			List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - lineCount), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
