package org.butterfly.protocol.pipeline;

/**
 * Why a server closed a connection: one kind for metrics and one detail for the log.
 *
 * @param kind the category, counted in metrics
 * @param detail a short description, never containing secrets or payload bytes
 */
public record CloseReason(Kind kind, String detail) {

	public enum Kind {

		/**
		 * The byte stream broke framing (line too long, bad byte count, invalid text).
		 */
		MALFORMED_FRAME,
		/**
		 * A well-framed line the spec answers with a close: unknown verb, bad arguments,
		 * wrong state.
		 */
		PROTOCOL_VIOLATION,
		/** The client said {@code OUT}. */
		CLIENT_QUIT,
		/**
		 * The conversation ended as the protocol prescribes: a referral sent, a version
		 * check answered.
		 */
		COMPLETED,
		/**
		 * Sign-in refused (e.g. {@code 911}) or a version negotiation without common
		 * dialect.
		 */
		REFUSED,
		/** Nothing arrived within the timeout of the connection's phase. */
		IDLE_TIMEOUT,
		/** The same account signed in elsewhere ({@code OUT OTH}). */
		TAKEN_OVER,
		/** The reader could not keep up with what it was sent. */
		SLOW_CONSUMER,
		/**
		 * The connection sent commands faster than its rate limit allows, or did not
		 * finish signing in within the sign-in deadline.
		 */
		RATE_LIMITED,
		/** The source address already holds as many connections as it may. */
		TOO_MANY_CONNECTIONS,
		/** The server is shutting down ({@code OUT SSD}). */
		SERVER_SHUTDOWN,
		/** An exception or I/O failure. */
		IO_ERROR

	}

	public static CloseReason of(Kind kind, String detail) {
		return new CloseReason(kind, detail);
	}

}
