package org.butterfly.client;

/**
 * What the notification server tells a signed-in client without being asked. Every method
 * has an empty default; callbacks arrive one at a time, in the order the server sent
 * them, on a thread of the client's callback executor (never the network thread), so a
 * callback may wait on the client's futures.
 */
public interface ClientListener {

	/** A contact's presence changed ({@code ILN}, {@code NLN}, {@code FLN}, §8). */
	default void presenceChanged(String handle, Presence presence) {
	}

	/** Someone added the user to their FL ({@code ADD 0 RL}, §9.1). */
	default void addedBy(String handle, String friendlyName) {
	}

	/** Someone removed the user from their FL ({@code REM 0 RL}, §9.2). */
	default void removedBy(String handle) {
	}

	/** An alert arrived ({@code NOT}, §11.6). */
	default void alert(Alert alert) {
	}

	/** Someone invites the user to a conversation ({@code RNG}, §13.4). */
	default void invited(Invitation invitation) {
	}

	/**
	 * The server signed the user out ({@code OUT OTH}: signed in elsewhere;
	 * {@code OUT SSD}: server shutting down; §5.8). The connection closes next.
	 * @param reason the reason token, empty when the server gave none
	 */
	default void signedOut(String reason) {
	}

	/** The connection to the notification server closed, for whatever reason. */
	default void disconnected() {
	}

}
