package org.butterfly.embeddedpg;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operating-system user that runs {@code initdb}, {@code pg_ctl} and
 * {@code postgres}.
 * <p>
 * PostgreSQL refuses to run as root. When this JVM runs as root, the tools are started
 * through {@code setpriv} as an unprivileged uid and gid, and the files the server writes
 * are handed to that user. Otherwise they run as the JVM's own user and nothing changes
 * hands.
 */
final class ServerUser {

	private final int uid;

	private final int gid;

	private final String setpriv;

	private ServerUser(int uid, int gid, String setpriv) {
		this.uid = uid;
		this.gid = gid;
		this.setpriv = setpriv;
	}

	/**
	 * The user for this process: itself, or
	 * {@code unprivilegedUid}/{@code unprivilegedGid} when running as root.
	 */
	static ServerUser forThisProcess(int unprivilegedUid, int unprivilegedGid) {
		int effectiveUid = effectiveUid();
		if (effectiveUid != 0) {
			return new ServerUser(effectiveUid, -1, null);
		}
		if (unprivilegedUid == 0) {
			throw new EmbeddedPostgresException("PostgreSQL cannot run as root: choose a non-zero uid to run it as");
		}
		return new ServerUser(unprivilegedUid, unprivilegedGid, findSetpriv());
	}

	/** True when the server runs as another user than this JVM. */
	boolean isSwitched() {
		return this.setpriv != null;
	}

	int uid() {
		return this.uid;
	}

	/** The command line that runs {@code command} as this user. */
	List<String> command(List<String> command) {
		if (!isSwitched()) {
			return command;
		}
		List<String> switched = new ArrayList<>(
				List.of(this.setpriv, "--reuid=" + this.uid, "--regid=" + this.gid, "--clear-groups", "--"));
		switched.addAll(command);
		return switched;
	}

	/**
	 * Hands {@code root} and everything below it to this user, so that the server may
	 * write there.
	 */
	void own(Path root) throws IOException {
		if (!isSwitched()) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.toList()) {
				if (!Integer.valueOf(this.uid)
					.equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
					Files.setAttribute(path, "unix:uid", this.uid, LinkOption.NOFOLLOW_LINKS);
					Files.setAttribute(path, "unix:gid", this.gid, LinkOption.NOFOLLOW_LINKS);
				}
			}
		}
	}

	/**
	 * Fails with a clear message when this user cannot reach {@code path}, rather than
	 * letting PostgreSQL fail later with "permission denied" on some parent directory.
	 */
	void requireReachable(Path path) throws IOException {
		if (!isSwitched()) {
			return;
		}
		for (Path directory = path.toAbsolutePath().getParent(); directory != null; directory = directory.getParent()) {
			if (!Files.exists(directory)) {
				continue; // created later, with the default permissions
			}
			Map<String, Object> attributes = Files.readAttributes(directory, "unix:mode,uid,gid");
			int mode = (int) attributes.get("mode");
			boolean owner = (int) attributes.get("uid") == this.uid && (mode & 0100) != 0;
			boolean group = (int) attributes.get("gid") == this.gid && (mode & 0010) != 0;
			boolean others = (mode & 0001) != 0;
			if (!owner && !group && !others) {
				throw new EmbeddedPostgresException("PostgreSQL runs as uid " + this.uid
						+ " because this JVM runs as root, but that user cannot enter " + directory + " (mode "
						+ Integer.toOctalString(mode & 0777) + ") to reach " + path
						+ ". Choose a directory outside it, or allow it with chmod o+x.");
			}
		}
	}

	@Override
	public String toString() {
		return "uid " + this.uid;
	}

	/**
	 * The effective uid, from the kernel's view of this process (Linux only, as are the
	 * binaries).
	 */
	private static int effectiveUid() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("Uid:")) {
					return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
				}
			}
			throw new EmbeddedPostgresException("No Uid line in /proc/self/status");
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Cannot tell whether this JVM runs as root", ex);
		}
	}

	private static String findSetpriv() {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/bin:/usr/sbin:/sbin";
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory.isEmpty() ? "." : directory, "setpriv");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new EmbeddedPostgresException("This JVM runs as root and PostgreSQL refuses to, so it must be started "
				+ "as another user through setpriv, which is not installed (it is part of util-linux)");
	}

}
