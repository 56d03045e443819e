package org.butterfly.testdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.butterfly.testdb.TestDatabaseServer.Kind;

/**
 * Chooses and holds the JVM-wide {@link TestDatabaseServer}.
 * <p>
 * {@value #SETTING} (a system property, else an environment variable) set to
 * {@code docker} or {@code embedded} decides. Otherwise Docker is used when an engine
 * answers, and the embedded server when not. Asking Testcontainers is slow and noisy on a
 * machine without Docker, so it is asked only when a Docker endpoint is configured or a
 * known socket exists.
 */
final class TestDatabaseServers {

	static final String SETTING = "BUTTERFLY_TEST_DB";

	private static final Logger logger = LoggerFactory.getLogger(TestDatabaseServers.class);

	private static TestDatabaseServer shared;

	private TestDatabaseServers() {
	}

	/** The JVM-wide server, chosen and started on first use. */
	static synchronized TestDatabaseServer shared() {
		if (shared == null) {
			Choice choice = choose(requested(), TestDatabaseServers::findDocker);
			logger.info("Test databases run on the {} PostgreSQL: {}", choice.kind().name().toLowerCase(Locale.ROOT),
					choice.reason());
			try {
				shared = (choice.kind() == Kind.DOCKER) ? DockerTestDatabaseServer.launch()
						: EmbeddedTestDatabaseServer.launch();
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("Cannot start the " + choice.kind().name().toLowerCase(Locale.ROOT)
						+ " PostgreSQL for tests (chosen because " + choice.reason() + ")", ex);
			}
		}
		return shared;
	}

	/** True when a Docker engine answers; cheap when there is no sign of one. */
	static boolean isDockerAvailable() {
		return findDocker().isPresent();
	}

	static Choice choose(String requested, Supplier<Optional<String>> docker) {
		if (requested != null && !requested.isBlank()) {
			String reason = SETTING + "=" + requested;
			return switch (requested.strip().toLowerCase(Locale.ROOT)) {
				case "docker" -> new Choice(Kind.DOCKER, reason);
				case "embedded" -> new Choice(Kind.EMBEDDED, reason);
				default -> throw new IllegalArgumentException(reason + " is neither 'docker' nor 'embedded'");
			};
		}
		return docker.get()
			.map((engine) -> new Choice(Kind.DOCKER, "a Docker engine answers at " + engine))
			.orElseGet(() -> new Choice(Kind.EMBEDDED, "no Docker engine answers"));
	}

	private static String requested() {
		String property = System.getProperty(SETTING);
		return (property != null) ? property : System.getenv(SETTING);
	}

	/** Where a Docker engine answers, if one does. */
	private static Optional<String> findDocker() {
		if (dockerEndpointHints().isEmpty()) {
			return Optional.empty();
		}
		DockerClientFactory docker = DockerClientFactory.instance();
		return docker.isDockerAvailable() ? Optional.of(docker.getTransportConfig().getDockerHost().toString())
				: Optional.empty();
	}

	/**
	 * Signs of a Docker engine, following where Testcontainers looks: DOCKER_HOST, a
	 * Testcontainers configuration file, or the socket of Docker, rootless Docker, Docker
	 * Desktop, Colima, Rancher Desktop or Podman.
	 */
	static List<String> dockerEndpointHints() {
		List<String> hints = new ArrayList<>();
		if (System.getenv("DOCKER_HOST") != null) {
			hints.add("DOCKER_HOST");
		}
		if (System.getProperty("os.name", "").startsWith("Windows")) {
			hints.add("Windows named pipe");
		}
		String home = System.getProperty("user.home");
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		List<Path> candidates = new ArrayList<>(
				List.of(Path.of(home, ".testcontainers.properties"), Path.of("/var/run/docker.sock"),
						Path.of(home, ".docker/run/docker.sock"), Path.of(home, ".docker/desktop/docker.sock"),
						Path.of(home, ".colima/default/docker.sock"), Path.of(home, ".rd/docker.sock")));
		if (runtime != null) {
			candidates.add(Path.of(runtime, "docker.sock"));
			candidates.add(Path.of(runtime, "podman/podman.sock"));
		}
		for (Path candidate : candidates) {
			if (Files.exists(candidate)) {
				hints.add(candidate.toString());
			}
		}
		return hints;
	}

	/** Which kind of server, and why. */
	record Choice(Kind kind, String reason) {
	}

}
