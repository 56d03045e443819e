package org.butterfly.standalone;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import org.butterfly.protocol.testing.TranscriptRunner;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The real docker-compose.yml, images built from this checkout, where a Docker engine
 * answers (skipped otherwise): accounts over the published admin port, sign-in and
 * presence through the published dispatch port, referred to the nodes' published ports.
 */
class ComposeDockerTest {

	private static final String PASSWORD = "correct horse";

	@Test
	void composeStackServesClientsOutsideDocker() throws Exception {
		assumeThat(DockerClientFactory.instance().isDockerAvailable()).as("a Docker engine").isTrue();
		ComposeContainer compose = new ComposeContainer(ComposeFile.PATH.toAbsolutePath().normalize().toFile())
			.withBuild(true)
			.withRemoveVolumes(true)
			.withStartupTimeout(Duration.ofMinutes(5))
			.waitingFor("admin-api", Wait.forHealthcheck())
			.waitingFor("dispatch", Wait.forHealthcheck());
		compose.start();
		try {
			// The database volume outlives a run: fresh names each time.
			String run = UUID.randomUUID().toString().substring(0, 8);
			String alice = "alice-" + run + "@example.com";
			String bob = "bob-" + run + "@example.com";
			AdminClient admin = new AdminClient("http://127.0.0.1:8080", "compose-admin-token-change-me");
			admin.createAccount(alice, "Alice", PASSWORD);
			admin.createAccount(bob, "Bob", PASSWORD);
			admin.addToList(alice, "FL", bob);
			admin.addToList(bob, "FL", alice);
			new TranscriptRunner(Map.of("ds", new InetSocketAddress("127.0.0.1", 1863)), Duration.ofSeconds(10))
				.with("alice", alice)
				.with("bob", bob)
				.with("password", PASSWORD)
				.run("/transcripts/sign-in-and-presence.msnp");
		}
		finally {
			compose.stop();
		}
	}

}
