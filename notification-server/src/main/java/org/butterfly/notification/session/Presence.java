package org.butterfly.notification.session;

import org.butterfly.protocol.vocab.Status;

/**
 * What other users may learn about an online account: its status, its friendly name and
 * whether it takes switchboard invitations ({@code IMS}, msnp.md §8.5). Immutable, so it
 * is published to other sessions as one value.
 *
 * @param status the current status; {@code FLN} until the first {@code CHG}
 * @param friendlyName the friendly name in wire form
 * @param reachable {@code false} after {@code IMS OFF}
 */
public record Presence(Status status, String friendlyName, boolean reachable) {

	/** Whether allowed watchers see the account online (msnp.md §6.5). */
	public boolean visible() {
		return this.status.isVisible();
	}

	public Presence withStatus(Status newStatus) {
		return new Presence(newStatus, this.friendlyName, this.reachable);
	}

	public Presence withFriendlyName(String newName) {
		return new Presence(this.status, newName, this.reachable);
	}

	public Presence withReachable(boolean newReachable) {
		return new Presence(this.status, this.friendlyName, newReachable);
	}

}
