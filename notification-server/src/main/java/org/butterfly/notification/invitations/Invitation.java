package org.butterfly.notification.invitations;

/**
 * A checked invitation, ready to be rendered.
 *
 * @param inviter the signed-in handle that asked for it
 * @param inviterName the inviter's friendly name, decoded, without control characters
 * @param invitee the address to invite, lower case
 * @param lcid the language of the text the client asked for ({@code 0x0409} is 1033)
 * @param message the personal text appended to the invitation, LF line ends; may be empty
 */
public record Invitation(String inviter, String inviterName, String invitee, int lcid, String message) {

	/** The LCID of US English, the language of {@code SND} in MSNP2 and the fallback. */
	public static final int ENGLISH = 0x0409;

}
