package org.butterfly.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A test server in a {@value #IMAGE} container, tuned like the embedded one (durability
 * off, 300 connections).
 * <p>
 * The host port is fixed when the container is created, because Docker may publish a
 * restarted container on a new random port, and {@link #start()} promises the same one.
 * Testcontainers' Ryuk removes the container when the JVM exits.
 */
final class DockerTestDatabaseServer implements TestDatabaseServer, AutoCloseable {

	static final String IMAGE = "postgres:17-alpine";

	private static final int POSTGRES_PORT = 5432;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final PostgreSQLContainer container;

	private final int hostPort;

	private DockerTestDatabaseServer(PostgreSQLContainer container, int hostPort) {
		this.container = container;
		this.hostPort = hostPort;
	}

	/** Pulls the image if needed and starts a new container. */
	static DockerTestDatabaseServer launch() {
		int hostPort = freePort();
		PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(IMAGE)).withUsername("postgres")
			.withPassword("postgres")
			.withDatabaseName("postgres")
			.withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
					"-c", "max_connections=300");
		container.setPortBindings(List.of(hostPort + ":" + POSTGRES_PORT));
		container.start();
		return new DockerTestDatabaseServer(container, hostPort);
	}

	@Override
	public Kind kind() {
		return Kind.DOCKER;
	}

	/**
	 * Stops the container (PostgreSQL shuts down fast) without removing it, so the data
	 * stays.
	 */
	@Override
	public void stop() {
		this.container.getDockerClient().stopContainerCmd(this.container.getContainerId()).exec();
	}

	@Override
	public void start() {
		this.container.getDockerClient().startContainerCmd(this.container.getContainerId()).exec();
		awaitConnections();
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.hostPort;
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	@Override
	public String username() {
		return this.container.getUsername();
	}

	@Override
	public String password() {
		return this.container.getPassword();
	}

	/** Removes the container now rather than when the JVM exits. */
	@Override
	public void close() {
		this.container.stop();
	}

	@Override
	public String toString() {
		return "PostgreSQL container " + this.container.getContainerId() + " on " + host() + ":" + port();
	}

	/**
	 * After a restart the container is up before PostgreSQL is: wait until a connection
	 * succeeds.
	 */
	private void awaitConnections() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(jdbcUrl("postgres"));
		dataSource.setUser(username());
		dataSource.setPassword(password());
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (true) {
			try (Connection connection = dataSource.getConnection()) {
				return;
			}
			catch (SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"PostgreSQL in " + this + " does not accept connections after a restart", ex);
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this, ex);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find a free port for the PostgreSQL container", ex);
		}
	}

}
