package org.butterfly.testdb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.butterfly.testdb.TestDatabaseServer.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server, whatever the JVM-wide choice: this is what runs on machines
 * without Docker.
 */
class EmbeddedTestDatabaseServerTest extends TestDatabaseServerContract {

	private static EmbeddedTestDatabaseServer server;

	@BeforeAll
	static void startServer() {
		server = EmbeddedTestDatabaseServer.launch();
	}

	@AfterAll
	static void closeServer() {
		server.close();
	}

	@Override
	TestDatabaseServer server() {
		return server;
	}

	@Test
	void listensOnLoopback() {
		assertThat(server.kind()).isEqualTo(Kind.EMBEDDED);
		assertThat(server.host()).isEqualTo("127.0.0.1");
		assertThat(server.jdbcUrl("x")).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/x");
	}

}
