package org.butterfly.testdb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.butterfly.testdb.TestDatabaseServer.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Testcontainers server, whatever the JVM-wide choice; skipped where no Docker engine
 * answers.
 */
class DockerTestDatabaseServerTest extends TestDatabaseServerContract {

	private static DockerTestDatabaseServer server;

	@BeforeAll
	static void startContainer() {
		if (TestDatabaseServers.isDockerAvailable()) {
			server = DockerTestDatabaseServer.launch();
		}
	}

	@BeforeEach
	void requireDocker() {
		assumeTrue(server != null, "no Docker engine answers here");
	}

	@AfterAll
	static void removeContainer() {
		if (server != null) {
			server.close();
		}
	}

	@Override
	TestDatabaseServer server() {
		return server;
	}

	@Test
	void runsInAContainer() {
		assertThat(server.kind()).isEqualTo(Kind.DOCKER);
		assertThat(server.jdbcUrl("x")).endsWith(":" + server.port() + "/x");
	}

}
