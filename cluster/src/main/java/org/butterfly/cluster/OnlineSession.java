package org.butterfly.cluster;

import java.time.Instant;

/**
 * One live notification session in the {@link SessionDirectory}: who is online, on which
 * node, how. Immutable.
 *
 * @param account the handle
 * @param sessionId unique across the cluster and over time; a newer sign-in of the same
 * account has another
 * @param node the id of the node holding the connection
 * @param status the MSNP status code; {@code FLN} until the first {@code CHG}
 * @param friendlyName the friendly name in wire form
 * @param dialect the negotiated dialect, e.g. {@code MSNP5}
 * @param since when the session signed in
 */
public record OnlineSession(String account, String sessionId, String node, String status, String friendlyName,
		String dialect, Instant since) {

	/**
	 * Whether allowed watchers see the account online: any status but {@code FLN} and
	 * {@code HDN} (msnp.md §6.5).
	 * @return whether it is visible
	 */
	public boolean visible() {
		return !"FLN".equals(this.status) && !"HDN".equals(this.status);
	}

}
