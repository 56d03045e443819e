package org.butterfly.directory.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts passwords at rest with AES-GCM (ARCHITECTURE 7): the MD5 sign-in needs the
 * plaintext back. Each ciphertext is stored with the id of its key, so that old keys can
 * be kept for reading while new passwords use the current one.
 * <p>
 * A configured secret is either a base64-encoded 32-byte key or a passphrase, stretched
 * with PBKDF2. The AES key is derived from it for this one purpose (HMAC-SHA256), so the
 * same secret can serve other purposes elsewhere. The key id is a fingerprint of the
 * derived key.
 */
public final class PasswordVault {

	/**
	 * The built-in secret used when none is configured: public, so only for development.
	 */
	public static final String DEVELOPMENT_SECRET = "butterfly-development-secret-not-for-production";

	private static final String PURPOSE = "butterfly/directory/password-encryption";

	private static final byte[] ASSOCIATED_DATA = "butterfly-password-v1".getBytes(StandardCharsets.US_ASCII);

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int PASSPHRASE_ITERATIONS = 600_000;

	private final String currentKeyId;

	private final Map<String, SecretKey> keys;

	private final SecureRandom random = new SecureRandom();

	private PasswordVault(String currentKeyId, Map<String, SecretKey> keys) {
		this.currentKeyId = currentKeyId;
		this.keys = keys;
	}

	/**
	 * A vault that encrypts with the current secret and still decrypts with the previous
	 * ones.
	 * @param current the current secret
	 * @param previous earlier secrets, for passwords not re-encrypted yet
	 * @return the vault
	 */
	public static PasswordVault of(String current, List<String> previous) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		SecretKey key = deriveKey(current);
		String currentId = keyId(key);
		keys.put(currentId, key);
		for (String secret : previous) {
			SecretKey old = deriveKey(secret);
			keys.putIfAbsent(keyId(old), old);
		}
		return new PasswordVault(currentId, Map.copyOf(keys));
	}

	/**
	 * A vault for a configured secret that also still decrypts passwords sealed with the
	 * development secret, so a platform first run without a key keeps its accounts when
	 * one is set (until {@link PasswordRotation} moves them to the new key). Nothing is
	 * ever sealed with the development secret here.
	 * @param current the configured secret
	 * @param previous earlier secrets
	 * @return the vault
	 */
	public static PasswordVault withDevelopmentKey(String current, List<String> previous) {
		List<String> readable = new ArrayList<>(previous);
		readable.add(DEVELOPMENT_SECRET);
		return of(current, readable);
	}

	/**
	 * The id of the key new passwords are encrypted with.
	 * @return the key id
	 */
	public String currentKeyId() {
		return this.currentKeyId;
	}

	/**
	 * Encrypts a password with the current key.
	 * @param password the password
	 * @return the key id and the ciphertext (IV followed by the AES-GCM output)
	 */
	public Sealed seal(String password) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(ASSOCIATED_DATA);
			byte[] encrypted = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = new byte[IV_BYTES + encrypted.length];
			System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
			System.arraycopy(encrypted, 0, sealed, IV_BYTES, encrypted.length);
			return new Sealed(this.currentKeyId, sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a password", ex);
		}
	}

	/**
	 * Decrypts a password.
	 * @param sealed what {@link #seal} returned
	 * @return the password
	 * @throws IllegalStateException if the key is not configured or the ciphertext was
	 * altered
	 */
	/**
	 * Whether this vault has the key {@code sealed} was sealed with.
	 * @param sealed a stored password
	 * @return whether {@link #open} can decrypt it
	 */
	public boolean canOpen(Sealed sealed) {
		return this.keys.containsKey(sealed.keyId());
	}

	public String open(Sealed sealed) {
		SecretKey key = this.keys.get(sealed.keyId());
		if (key == null) {
			throw new IllegalStateException("No configured secret has key id " + sealed.keyId());
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.ciphertext(), 0, IV_BYTES));
			cipher.updateAAD(ASSOCIATED_DATA);
			byte[] plain = cipher.doFinal(sealed.ciphertext(), IV_BYTES, sealed.ciphertext().length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a password with key " + sealed.keyId(), ex);
		}
	}

	private static SecretKey deriveKey(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("The secret key is empty");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(keyMaterial(secret), "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal(PURPOSE.getBytes(StandardCharsets.US_ASCII)), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive the password key", ex);
		}
	}

	private static byte[] keyMaterial(String secret) throws GeneralSecurityException {
		try {
			byte[] decoded = Base64.getDecoder().decode(secret.strip());
			if (decoded.length == 32) {
				return decoded;
			}
		}
		catch (IllegalArgumentException ex) {
			// Not base64: a passphrase.
		}
		SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
		PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), PURPOSE.getBytes(StandardCharsets.US_ASCII),
				PASSPHRASE_ITERATIONS, 256);
		return factory.generateSecret(spec).getEncoded();
	}

	private static String keyId(SecretKey key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An encrypted password as stored.
	 *
	 * @param keyId the id of the key it was encrypted with
	 * @param ciphertext IV followed by the AES-GCM ciphertext and tag
	 */
	public record Sealed(String keyId, byte[] ciphertext) {
	}

}
