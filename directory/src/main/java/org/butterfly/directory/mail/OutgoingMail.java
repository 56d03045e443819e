package org.butterfly.directory.mail;

import java.util.Objects;

/**
 * A plain-text mail to queue. Every header field is checked here, so nothing a client
 * sent can add a header line: no field may hold a CR, LF or other control character.
 *
 * @param recipient the one {@code To} address
 * @param replyTo the {@code Reply-To} address, or {@code null}
 * @param senderName the display name of {@code From} (whose address the sending node
 * configures), or {@code null} for the configured one
 * @param subject the subject
 * @param body the plain-text body
 */
public record OutgoingMail(String recipient, String replyTo, String senderName, String subject, String body) {

	/** Longest address (RFC 5321 path limit). */
	public static final int MAX_ADDRESS_LENGTH = 254;

	/** Longest display name and subject. */
	public static final int MAX_HEADER_LENGTH = 400;

	/** Longest body, in characters. */
	public static final int MAX_BODY_LENGTH = 65_536;

	public OutgoingMail {
		header("recipient", Objects.requireNonNull(recipient, "recipient"), MAX_ADDRESS_LENGTH);
		header("subject", Objects.requireNonNull(subject, "subject"), MAX_HEADER_LENGTH);
		if (replyTo != null) {
			header("reply-to", replyTo, MAX_ADDRESS_LENGTH);
		}
		if (senderName != null) {
			header("sender name", senderName, MAX_HEADER_LENGTH);
		}
		Objects.requireNonNull(body, "body");
		if (body.isEmpty() || body.length() > MAX_BODY_LENGTH) {
			throw new IllegalArgumentException("The body must have 1 to " + MAX_BODY_LENGTH + " characters");
		}
	}

	/**
	 * Whether the text may be a header value: no control characters at all (CR and LF
	 * would start a new header line).
	 * @param text the text
	 * @return {@code true} if it is safe in a header
	 */
	public static boolean isHeaderSafe(String text) {
		return text.codePoints().noneMatch(Character::isISOControl);
	}

	private static void header(String name, String value, int maxLength) {
		if (value.isBlank() || value.length() > maxLength) {
			throw new IllegalArgumentException("The " + name + " must have 1 to " + maxLength + " characters");
		}
		if (!isHeaderSafe(value)) {
			throw new IllegalArgumentException("The " + name + " holds a control character");
		}
	}

}
