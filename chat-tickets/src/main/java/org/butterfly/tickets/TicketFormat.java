package org.butterfly.tickets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The wire form of a ticket, shared by issuer and verifier:
 *
 * <pre>
 * caller:  id.expiry.name.mac      e.g. 8215470193412.1763780400.QWxpY2UlMjBBLg.Xb6…
 * invitee: id.expiry.mac
 * </pre>
 *
 * {@code id} is a random decimal, {@code expiry} epoch seconds, {@code name} the caller's
 * friendly name in base64url, {@code mac} a base64url HMAC-SHA256 truncated to 128 bits
 * (RFC 2104 §5) over every field the ticket is bound to, the implicit ones included: the
 * purpose, the node, the handle and the session travel in the protocol, not in the token,
 * so a token used for anything else fails its signature. No spaces, nothing to
 * URL-encode.
 */
final class TicketFormat {

	static final int MAX_TOKEN_LENGTH = 1024;

	private static final int MAC_BYTES = 16;

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private TicketFormat() {
	}

	static String encode(Ticket ticket, byte[] key) {
		String head = ticket.id() + "." + ticket.expiresAt().getEpochSecond();
		if (ticket.purpose() == TicketPurpose.CALLER) {
			head = head + "." + ENCODER.encodeToString(ticket.friendlyName().getBytes(StandardCharsets.UTF_8));
		}
		return head + "." + ENCODER.encodeToString(mac(ticket, key));
	}

	/**
	 * The 128-bit MAC of a ticket: every field, one per line, after a version tag. Fields
	 * never contain a line break (the issuer checks), so the input is unambiguous.
	 */
	static byte[] mac(Ticket ticket, byte[] key) {
		String input = String.join("\n", "butterfly-ticket-1", ticket.purpose().name(), ticket.node(), ticket.handle(),
				ticket.sessionId(), Long.toString(ticket.id()), Long.toString(ticket.expiresAt().getEpochSecond()),
				ticket.friendlyName());
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return Arrays.copyOf(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/**
	 * Whether {@code mac} is the MAC of {@code ticket} under any of the keys, in constant
	 * time per key.
	 */
	static boolean signedBy(Ticket ticket, byte[] mac, TicketKeys keys) {
		boolean valid = false;
		for (byte[] key : keys.all()) {
			valid |= MessageDigest.isEqual(mac(ticket, key), mac);
		}
		return valid;
	}

	/**
	 * The parts of a token, or null when it does not have the shape of a ticket for this
	 * purpose.
	 */
	static Parts parse(String token, TicketPurpose purpose) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return null;
		}
		String[] fields = token.split("\\.", -1);
		int expected = (purpose == TicketPurpose.CALLER) ? 4 : 3;
		if (fields.length != expected) {
			return null;
		}
		try {
			long id = parseDecimal(fields[0]);
			long expiry = parseDecimal(fields[1]);
			String name = (purpose == TicketPurpose.CALLER) ? decodeText(fields[2]) : "";
			byte[] mac = decodeCanonical(fields[expected - 1]);
			if (mac.length != MAC_BYTES || name.isEmpty() != (purpose == TicketPurpose.INVITEE)) {
				return null;
			}
			return new Parts(id, expiry, name, mac);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static long parseDecimal(String text) {
		// One spelling per number: a token has a single valid form.
		if (text.isEmpty() || text.length() > 19 || (text.length() > 1 && text.charAt(0) == '0')
				|| !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("not a decimal");
		}
		return Long.parseLong(text);
	}

	/**
	 * Decodes base64url, refusing any other spelling of the same bytes (padding, unused
	 * trailing bits), so a token has a single valid form.
	 */
	private static byte[] decodeCanonical(String base64) {
		byte[] bytes = DECODER.decode(base64);
		if (!ENCODER.encodeToString(bytes).equals(base64)) {
			throw new IllegalArgumentException("not canonical base64url");
		}
		return bytes;
	}

	private static String decodeText(String base64) {
		byte[] bytes = decodeCanonical(base64);
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
			throw new IllegalArgumentException("not UTF-8");
		}
		return text;
	}

	record Parts(long id, long expiry, String friendlyName, byte[] mac) {
	}

}
