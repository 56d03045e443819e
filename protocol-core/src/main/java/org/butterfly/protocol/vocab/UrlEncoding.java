package org.butterfly.protocol.vocab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding MSNP uses for names and phone numbers (msnp.md §2.7): RFC 1738
 * escapes of UTF-8 bytes, where {@code +} is a literal plus, never a space.
 */
public final class UrlEncoding {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private UrlEncoding() {
	}

	/**
	 * Encodes the minimal set the output rules require: space, {@code %}, control bytes
	 * and every byte of 0x80 or more. Everything else is left as it is, so
	 * {@code Alice A.} becomes {@code Alice%20A.}.
	 */
	public static String encode(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(bytes.length + 8);
		for (byte b : bytes) {
			int v = b & 0xff;
			if (v <= 0x20 || v == '%' || v >= 0x7f) {
				out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xf]);
			}
			else {
				out.append((char) v);
			}
		}
		return out.toString();
	}

	/**
	 * Decodes every {@code %XX} (either case). A {@code %} not followed by two hex digits
	 * stays a literal ([POLICY] §2.7). Byte sequences that are not UTF-8 decode to
	 * U+FFFD.
	 */
	public static String decode(String encoded) {
		if (encoded.indexOf('%') < 0) {
			return encoded;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		byte[] raw = encoded.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
				bytes.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
				i += 2;
			}
			else {
				bytes.write(raw[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * The length of the encoded form in bytes, which is what MSNP's limits are measured
	 * on.
	 */
	public static int encodedLength(String encoded) {
		return encoded.getBytes(StandardCharsets.UTF_8).length;
	}

	private static int hex(byte b) {
		if (b >= '0' && b <= '9') {
			return b - '0';
		}
		if (b >= 'a' && b <= 'f') {
			return b - 'a' + 10;
		}
		if (b >= 'A' && b <= 'F') {
			return b - 'A' + 10;
		}
		return -1;
	}

}
