package org.butterfly.client;

/**
 * A client operation failed: the connection closed, the server broke the protocol, or a
 * request was refused ({@link ServerErrorException}, which carries the MSNP error code).
 */
public class ClientException extends RuntimeException {

	public ClientException(String message) {
		super(message);
	}

	public ClientException(String message, Throwable cause) {
		super(message, cause);
	}

}
