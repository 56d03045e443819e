package org.butterfly.directory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text rules the directory enforces on what it stores: handles (lower-case e-mail
 * addresses) and names in their URL-encoded wire form (msnp.md 2.5, 2.7). The directory
 * stores names verbatim and never re-encodes them; this class only checks them, and
 * encodes plain text for callers (such as the admin API) that start from it.
 */
public final class WireText {

	/** Longest handle, in bytes (msnp.md 2.5). */
	public static final int MAX_HANDLE_BYTES = 129;

	/** Longest friendly or custom name, encoded (msnp.md 2.5). */
	public static final int MAX_NAME_BYTES = 387;

	/** Longest group name, encoded (msnp.md 2.5). */
	public static final int MAX_GROUP_NAME_BYTES = 61;

	/** Longest phone number, encoded (msnp.md 2.5). */
	public static final int MAX_PHONE_BYTES = 95;

	private static final Pattern HANDLE = Pattern.compile(
			"[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private WireText() {
	}

	/**
	 * The handle in its stored form (lower case), or {@code null} if it is not a valid
	 * handle: {@code local@domain} with a dotted domain, at most 129 bytes ({@code a@b}
	 * is invalid, msnp.md 18 example 8).
	 * @param handle what the client sent
	 * @return the lower-case handle, or {@code null}
	 */
	public static String normalizeHandle(String handle) {
		if (handle == null) {
			return null;
		}
		String lower = handle.toLowerCase(Locale.ROOT);
		if (byteLength(lower) > MAX_HANDLE_BYTES || !HANDLE.matcher(lower).matches()) {
			return null;
		}
		return lower;
	}

	/**
	 * Whether the text can be one argument of a command line: non-empty printable ASCII
	 * without spaces. Every stored name and phone value is such a token, because names
	 * travel URL-encoded.
	 * @param text the text to check
	 * @return {@code true} for a wire token
	 */
	public static boolean isToken(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c >= 0x7f) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The length of the text in UTF-8 bytes, which is what the protocol's limits count.
	 * @param text the text
	 * @return its UTF-8 length
	 */
	public static int byteLength(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	/**
	 * Percent-encodes plain text into the wire form: every UTF-8 byte outside printable
	 * ASCII, space, {@code %} and {@code @} become {@code %XX} (msnp.md 2.7; the
	 * {@code @} as the official client writes a handle used as a name).
	 * @param plain the plain text
	 * @return its wire form
	 */
	public static String encode(String plain) {
		StringBuilder out = new StringBuilder();
		for (byte b : plain.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c <= ' ' || c >= 0x7f || c == '%' || c == '@') {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
			}
			else {
				out.append((char) c);
			}
		}
		return out.toString();
	}

	/**
	 * Decodes the wire form: every {@code %XX} becomes that byte, a {@code %} without two
	 * hex digits stays literal, {@code +} stays a plus (msnp.md 2.7).
	 * @param wire the wire form
	 * @return the decoded text
	 */
	public static String decode(String wire) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(wire.length());
		byte[] in = wire.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < in.length; i++) {
			if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
				bytes.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
				i += 2;
			}
			else {
				bytes.write(in[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(byte b) {
		return Character.digit(b, 16);
	}

}
