package org.butterfly.tickets.ring;

/**
 * An invitation to a switchboard session, for the callee's notification server to deliver
 * as {@code RNG session-id host:port CKI ticket caller-handle caller-name} (msnp.md
 * §13.4, {@code Replies.rng} in protocol-core). Immutable.
 *
 * @param callee the invited handle, in lower case
 * @param callerHandle who invites
 * @param callerFriendlyName the caller's URL-encoded friendly name, as the room shows it
 * @param sessionId the switchboard session to join
 * @param switchboardAddress this switchboard's advertised {@code a.b.c.d:port}
 * @param ticket a fresh single-use {@code INVITEE} ticket for the callee
 */
public record Invitation(String callee, String callerHandle, String callerFriendlyName, String sessionId,
		String switchboardAddress, String ticket) {

}
