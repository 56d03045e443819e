package org.butterfly.admin.notifications;

import java.time.Instant;
import java.util.List;

/** What a push did. */
public final class Delivery {

	private Delivery() {
	}

	/** Where a notification is after the push. */
	public enum State {

		/**
		 * The user has a live MSNP5+ session past its first {@code CHG}: the notification
		 * was handed to the node holding it, which sends it and marks it delivered (once,
		 * however often it is told).
		 */
		delivered,
		/**
		 * The user is offline, signed in with an MSNP2-4 client or not yet past the first
		 * {@code CHG}: it waits in the queue for the next sign-in (MSNP5+, first
		 * {@code CHG}) until it expires.
		 */
		queued

	}

	/**
	 * One pushed notification.
	 *
	 * @param id the queued notification's id
	 * @param documentId the {@code NOTIFICATION@id} of the document
	 * @param state delivered or queued
	 * @param expiresAt when it stops waiting
	 */
	public record Pushed(long id, long documentId, State state, Instant expiresAt) {
	}

	/**
	 * One recipient of a broadcast.
	 *
	 * @param email the recipient
	 * @param id the recipient's queued notification
	 * @param state delivered or queued
	 */
	public record Recipient(String email, long id, State state) {
	}

	/**
	 * A broadcast.
	 *
	 * @param id the {@code NOTIFICATION@id} every recipient's document carries
	 * @param recipients each recipient's notification
	 */
	public record Broadcast(long id, List<Recipient> recipients) {
	}

}
