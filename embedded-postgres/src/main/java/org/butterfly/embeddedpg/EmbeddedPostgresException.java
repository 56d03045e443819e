package org.butterfly.embeddedpg;

/**
 * Thrown when the embedded PostgreSQL cannot be installed, initialised, started or
 * stopped. The message says what failed and, when the server itself failed, ends with the
 * tail of its log.
 */
public class EmbeddedPostgresException extends RuntimeException {

	public EmbeddedPostgresException(String message) {
		super(message);
	}

	public EmbeddedPostgresException(String message, Throwable cause) {
		super(message, cause);
	}

}
