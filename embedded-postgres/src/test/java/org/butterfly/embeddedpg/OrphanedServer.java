package org.butterfly.embeddedpg;

import java.nio.file.Path;

/**
 * Run in a child JVM that the test then kills: starts a server on a persistent data
 * directory, stores a row, prints its port and waits to be killed, leaving the server
 * running.
 */
public final class OrphanedServer {

	private OrphanedServer() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(Path.of(args[0])).durable(false).build();
		postgres.start();
		Sql.execute(postgres, "CREATE TABLE survivor (name text)", "INSERT INTO survivor VALUES ('kept')");
		System.out.println("READY " + postgres.port());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
