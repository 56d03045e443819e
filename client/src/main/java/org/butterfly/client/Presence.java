package org.butterfly.client;

import org.butterfly.protocol.vocab.Status;

/**
 * What the server last said about a contact's presence ({@code ILN}, {@code NLN},
 * {@code FLN}, msnp.md §8).
 *
 * @param status the status; {@code FLN} when offline, hidden or blocking
 * @param friendlyName the contact's current friendly name (decoded), {@code null} after
 * {@code FLN}
 */
public record Presence(Status status, String friendlyName) {

	/** What a contact the server said nothing about is. */
	public static final Presence OFFLINE = new Presence(Status.FLN, null);

	public boolean online() {
		return this.status.isVisible();
	}

}
