package org.butterfly.notification.invitations;

/**
 * An {@code SDC}/{@code SND} whose parameters the spec refuses ({@code 503} and close,
 * msnp.md §11.3, §11.4); the message says which, for the log.
 */
final class InvalidInvitation extends RuntimeException {

	InvalidInvitation(String reason) {
		super(reason, null, false, false);
	}

}
