package org.butterfly.admin.web;

import org.butterfly.directory.WireText;
import org.butterfly.protocol.vocab.UrlEncoding;

/**
 * Names travel as Unicode in JSON and are stored in their URL-encoded wire form (msnp.md
 * §2.7): minimal encoding on the way in, decoding on the way out. The protocol's limits
 * count the encoded bytes.
 */
public final class WireNames {

	private WireNames() {
	}

	/**
	 * The wire form of a name from a request.
	 * @param field the request field, for the error
	 * @param plain the name as the operator typed it
	 * @return the encoded name
	 * @throws InvalidFieldException if it is empty or longer than 387 bytes encoded
	 */
	public static String toWire(String field, String plain) {
		if (plain.isEmpty()) {
			throw new InvalidFieldException(field, "must not be empty");
		}
		String wire = UrlEncoding.encode(plain);
		if (UrlEncoding.encodedLength(wire) > WireText.MAX_NAME_BYTES) {
			throw new InvalidFieldException(field,
					"is longer than " + WireText.MAX_NAME_BYTES + " bytes once URL-encoded");
		}
		return wire;
	}

	/**
	 * The handle in its stored form.
	 * @param field the request field, for the error
	 * @param email the address
	 * @return the lower-case handle
	 * @throws InvalidFieldException unless it is {@code local@domain.tld} within 129
	 * bytes
	 */
	public static String handle(String field, String email) {
		String handle = WireText.normalizeHandle(email);
		if (handle == null) {
			throw new InvalidFieldException(field, "is not an e-mail address of at most " + WireText.MAX_HANDLE_BYTES
					+ " bytes with a dotted domain (msnp.md 2.5)");
		}
		return handle;
	}

	/** The name to show, decoded. */
	public static String fromWire(String wire) {
		return (wire != null) ? UrlEncoding.decode(wire) : null;
	}

}
