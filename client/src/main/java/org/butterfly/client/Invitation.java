package org.butterfly.client;

import java.net.InetSocketAddress;

/**
 * An invitation to a switchboard session ({@code RNG}, msnp.md §13.4); answer it with
 * {@link MessengerClient#answer}.
 *
 * @param sessionId the session's id
 * @param switchboard where the session lives
 * @param cookie the single-use ticket for this user
 * @param inviter the inviting user's handle
 * @param inviterName the inviting user's friendly name (decoded)
 */
public record Invitation(String sessionId, InetSocketAddress switchboard, String cookie, String inviter,
		String inviterName) {
}
