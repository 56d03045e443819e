package org.butterfly.embeddedpg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresTest {

	@TempDir
	Path temp;

	@BeforeEach
	void letTheServerUserIn() throws IOException {
		// When the tests run as root, the server runs as nobody and must be able to enter
		// this directory.
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	@Test
	void runsSqlOnATemporaryDirectoryThatCloseDeletes() throws SQLException {
		Path dataDirectory;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().durable(false).build()) {
			assertThatThrownBy(postgres::port).isInstanceOf(IllegalStateException.class);
			postgres.start();
			dataDirectory = postgres.dataDirectory();
			assertThat(postgres.isRunning()).isTrue();
			assertThat(postgres.port()).isPositive();
			assertThat(postgres.jdbcUrl("postgres"))
				.isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
			Sql.execute(postgres, "CREATE TABLE contact (email text PRIMARY KEY)",
					"INSERT INTO contact VALUES ('alice@example.com'), ('bob@example.com')");
			assertThat(Sql.query(postgres, "SELECT email FROM contact ORDER BY email"))
				.containsExactly("alice@example.com", "bob@example.com");
			assertThat(Sql.query(postgres, "SHOW fsync")).containsExactly("off");
			assertThat(Sql.query(postgres, "SHOW max_connections")).containsExactly("300");
			assertThat(Sql.query(postgres, "SHOW server_encoding")).containsExactly("UTF8");
		}
		assertThat(dataDirectory).doesNotExist();
	}

	@Test
	void keepsDataAndPortAcrossStopAndStart() throws SQLException {
		Path dataDirectory = this.temp.resolve("pgdata");
		int port;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(dataDirectory).build()) {
			postgres.start();
			port = postgres.port();
			Sql.execute(postgres, "CREATE TABLE contact (email text)",
					"INSERT INTO contact VALUES ('alice@example.com')");

			postgres.stop();
			assertThat(postgres.isRunning()).isFalse();
			assertThatThrownBy(() -> Sql.connect(postgres)).isInstanceOf(SQLException.class);

			postgres.start();
			assertThat(postgres.port()).isEqualTo(port);
			assertThat(Sql.query(postgres, "SELECT email FROM contact")).containsExactly("alice@example.com");
			assertThat(Sql.query(postgres, "SHOW fsync")).containsExactly("on");

			postgres.restart();
			assertThat(postgres.isRunning()).isTrue();
			assertThat(postgres.port()).isEqualTo(port);
			assertThat(Sql.query(postgres, "SELECT email FROM contact")).containsExactly("alice@example.com");
		}
		assertThat(dataDirectory.resolve("PG_VERSION")).exists();

		try (EmbeddedPostgres again = EmbeddedPostgres.builder().dataDirectory(dataDirectory).port(port).build()) {
			again.start();
			assertThat(Sql.query(again, "SELECT email FROM contact")).containsExactly("alice@example.com");
		}
	}

	@Test
	void runsTwoServersAtOnce() throws SQLException {
		try (EmbeddedPostgres first = EmbeddedPostgres.builder().durable(false).build();
				EmbeddedPostgres second = EmbeddedPostgres.builder().durable(false).build()) {
			first.start();
			second.start();
			assertThat(first.port()).isNotEqualTo(second.port());
			Sql.execute(first, "CREATE TABLE only_in_first (id int)");
			assertThat(Sql.query(first, "SELECT to_regclass('only_in_first')")).containsExactly("only_in_first");
			assertThat(Sql.query(second, "SELECT to_regclass('only_in_first')")).containsOnlyNulls().hasSize(1);
		}
	}

	@Test
	void neverRunsPostgresAsRoot() throws Exception {
		long jvmUid = uid(Path.of("/proc/self/status"));
		long expectedUid = (jvmUid == 0) ? 65534 : jvmUid;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().durable(false).build()) {
			postgres.start();
			long serverPid = Long
				.parseLong(Files.readAllLines(postgres.dataDirectory().resolve("postmaster.pid")).get(0));
			// The backend is gone once its connection is closed, so read its uid while
			// connected.
			try (var connection = Sql.connect(postgres);
					var statement = connection.createStatement();
					var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
				rows.next();
				assertThat(uid(Path.of("/proc", rows.getString(1), "status"))).isEqualTo(expectedUid);
			}
			assertThat(uid(Path.of("/proc", Long.toString(serverPid), "status"))).isEqualTo(expectedUid);
			assertThat(Files.getAttribute(postgres.dataDirectory(), "unix:uid")).isEqualTo((int) expectedUid);
		}
	}

	@Test
	void startsDespiteAStalePidFile() throws Exception {
		Path dataDirectory = this.temp.resolve("pgdata");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.dataDirectory(dataDirectory)
			.durable(false)
			.build()) {
			postgres.start();
			Sql.execute(postgres, "CREATE TABLE contact (email text)",
					"INSERT INTO contact VALUES ('alice@example.com')");
			Path pidFile = dataDirectory.resolve("postmaster.pid");
			List<String> pidFileLines = Files.readAllLines(pidFile);
			postgres.stop();
			assertThat(pidFile).doesNotExist();

			// As after a crash: the pid file names a process that is gone (PostgreSQL
			// discards it) ...
			Process exited = new ProcessBuilder("true").start();
			exited.waitFor();
			writePidFile(pidFile, pidFileLines, exited.pid());
			postgres.start();
			assertThat(Sql.query(postgres, "SELECT email FROM contact")).containsExactly("alice@example.com");
			postgres.stop();

			// ... or a process that reused the pid: a live process, but not a postgres.
			writePidFile(pidFile, pidFileLines, ProcessHandle.current().pid());
			postgres.start();
			assertThat(Sql.query(postgres, "SELECT email FROM contact")).containsExactly("alice@example.com");
		}
	}

	@Test
	@Timeout(120)
	void stopsTheServerOfAKilledJvmAndKeepsItsData() throws Exception {
		Path dataDirectory = this.temp.resolve("pgdata");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				OrphanedServer.class.getName(), dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		List<String> childOutput = new ArrayList<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null && !line.startsWith("READY"); line = output.readLine()) {
				childOutput.add(line);
			}
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		assertThat(pidFile).as("child output: %s", childOutput).exists();
		long orphanPid = Long.parseLong(Files.readAllLines(pidFile).get(0));
		assertThat(Processes.isAlive(orphanPid)).as("the orphaned server outlives its JVM").isTrue();

		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.dataDirectory(dataDirectory)
			.durable(false)
			.build()) {
			postgres.start();
			assertThat(Processes.isAlive(orphanPid)).isFalse();
			assertThat(Sql.query(postgres, "SELECT name FROM survivor")).containsExactly("kept");
		}
	}

	@Test
	void refusesADataDirectoryInUse() {
		Path dataDirectory = this.temp.resolve("pgdata");
		try (EmbeddedPostgres owner = EmbeddedPostgres.builder().dataDirectory(dataDirectory).durable(false).build();
				EmbeddedPostgres intruder = EmbeddedPostgres.builder()
					.dataDirectory(dataDirectory)
					.durable(false)
					.build()) {
			owner.start();
			assertThatThrownBy(intruder::start).isInstanceOf(EmbeddedPostgresException.class)
				.hasMessageContaining("in use by another embedded PostgreSQL");
			assertThat(owner.isRunning()).isTrue();
		}
	}

	@Test
	void showsTheServerLogWhenStartFails() {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.durable(false)
			.setting("shared_buffers", "plenty")
			.build()) {
			assertThatThrownBy(postgres::start).isInstanceOf(EmbeddedPostgresException.class)
				.hasMessageContaining("did not start")
				.hasMessageContaining("invalid value for parameter \"shared_buffers\"");
			assertThat(postgres.isRunning()).isFalse();
		}
	}

	@Test
	void rejectsSettingsThatHaveTheirOwnBuilderMethod() {
		assertThatThrownBy(() -> EmbeddedPostgres.builder().setting("port", "5432"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static long uid(Path status) throws IOException {
		for (String line : Files.readAllLines(status)) {
			if (line.startsWith("Uid:")) {
				return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
			}
		}
		throw new IllegalStateException("No Uid in " + status);
	}

	private static void writePidFile(Path pidFile, List<String> lines, long pid) throws IOException {
		List<String> stale = new ArrayList<>(lines);
		stale.set(0, Long.toString(pid));
		Files.write(pidFile, stale);
	}

}
