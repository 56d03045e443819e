package org.butterfly.admin.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of the admin API. Requests are checked against a digest of it in
 * constant time, so neither the comparison's duration nor its length reveals anything.
 */
public final class AdminToken {

	private final byte[] digest;

	private AdminToken(String token) {
		this.digest = sha256(token);
	}

	/**
	 * The configured token.
	 * @param token a non-blank token
	 * @return the token
	 */
	public static AdminToken of(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("The admin token is blank");
		}
		return new AdminToken(token);
	}

	/**
	 * A fresh random token (256 bits, URL-safe Base64).
	 * @return the token's text
	 */
	public static String generate() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether the presented token is this one.
	 * @param presented what the request carried, or {@code null}
	 * @return {@code true} when it matches
	 */
	public boolean matches(String presented) {
		return presented != null && MessageDigest.isEqual(this.digest, sha256(presented));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "AdminToken[redacted]";
	}

}
