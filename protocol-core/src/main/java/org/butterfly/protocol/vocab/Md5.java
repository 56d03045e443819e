package org.butterfly.protocol.vocab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 computations of MSNP: the sign-in response {@code md5hex(salt + password)}
 * (msnp.md §5.3) and the challenge response {@code md5hex(challenge + private key)}
 * (§12.1).
 */
public final class Md5 {

	private Md5() {
	}

	/** Lower-case hexadecimal MD5 of the UTF-8 bytes of {@code text}. */
	public static String hex(String text) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships MD5", ex);
		}
	}

	/** The sign-in response a client sends in {@code USR TrID MD5 S response}. */
	public static String signInResponse(String salt, String password) {
		return hex(salt + password);
	}

}
