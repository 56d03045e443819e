package org.butterfly.protocol.command;

import java.nio.charset.StandardCharsets;

/** Token checks shared by the command parsers. */
final class Syntax {

	/** Longest encoded friendly or custom name (msnp.md §2.5). */
	static final int MAX_NAME_BYTES = 387;

	/** Longest encoded phone number (§2.5). */
	static final int MAX_PHONE_BYTES = 95;

	/** Longest encoded group name (§2.5, [POLICY] for REG). */
	static final int MAX_GROUP_NAME_BYTES = 61;

	/**
	 * A group name this long is not a mistake but an attack: close instead of answering
	 * 229 (§10.3).
	 */
	static final int ABSURD_GROUP_NAME_BYTES = 127;

	static final long MAX_UINT32 = 0xFFFF_FFFFL;

	private Syntax() {
	}

	/** A TrID or list version: decimal, 0..2^32-1, no sign (§2.2). */
	static boolean isUint32(String token) {
		return parseUint32(token) >= 0;
	}

	/** The value of a decimal 0..2^32-1 token, or -1. */
	static long parseUint32(String token) {
		if (token.isEmpty() || token.length() > 10) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return (value <= MAX_UINT32) ? value : -1;
	}

	/** A group id token: decimal 0..29, or -1 (§10.1). */
	static int parseGroupId(String token) {
		if (token.isEmpty() || token.length() > 2) {
			return -1;
		}
		long value = parseUint32(token);
		return (value >= 0 && value <= 29) ? (int) value : -1;
	}

	static int utf8Length(String token) {
		return token.getBytes(StandardCharsets.UTF_8).length;
	}

}
