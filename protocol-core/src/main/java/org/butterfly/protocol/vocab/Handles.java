package org.butterfly.protocol.vocab;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * User handles are e-mail addresses: {@code local@domain}, at most 129 bytes (msnp.md
 * §2.5), compared case-insensitively and sent in lower case ([POLICY] §2.7).
 */
public final class Handles {

	public static final int MAX_BYTES = 129;

	private Handles() {
	}

	/**
	 * Whether {@code handle} looks like an e-mail address: one {@code @}, a non-empty
	 * local part of ordinary address characters and a dotted domain ({@code a@b} is
	 * refused, as in the §18 examples).
	 */
	public static boolean isValid(String handle) {
		if (handle.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return false;
		}
		int at = handle.indexOf('@');
		if (at <= 0 || at != handle.lastIndexOf('@') || at == handle.length() - 1) {
			return false;
		}
		String local = handle.substring(0, at);
		String domain = handle.substring(at + 1);
		for (int i = 0; i < local.length(); i++) {
			char c = local.charAt(i);
			if (!(isAlphanumeric(c) || "._%+-'".indexOf(c) >= 0)) {
				return false;
			}
		}
		if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
			return false;
		}
		for (int i = 0; i < domain.length(); i++) {
			char c = domain.charAt(i);
			if (!(isAlphanumeric(c) || c == '-' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	public static String normalize(String handle) {
		return handle.toLowerCase(Locale.ROOT);
	}

	private static boolean isAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

}
