package org.butterfly.client;

/**
 * What happens in a switchboard session (msnp.md §14). Callbacks arrive in order on the
 * client's callback executor, as for {@link ClientListener}.
 */
public interface SwitchboardListener {

	/**
	 * A participant joined ({@code JOI}), or was already there when the user answered
	 * ({@code IRO}).
	 */
	default void joined(Switchboard switchboard, String handle, String friendlyName) {
	}

	/**
	 * A participant left ({@code BYE}); {@code idle} when the server dropped it for
	 * idleness.
	 */
	default void left(Switchboard switchboard, String handle, boolean idle) {
	}

	/** A message arrived ({@code MSG}). */
	default void message(Switchboard switchboard, String sender, String friendlyName, Message message) {
	}

	/**
	 * A message was not delivered ({@code NAK}); for ack mode {@code A} the send future
	 * fails too.
	 */
	default void notDelivered(Switchboard switchboard, String trId) {
	}

	/** The session's connection closed. */
	default void closed(Switchboard switchboard) {
	}

}
