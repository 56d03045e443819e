package org.butterfly.protocol.vocab;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CHL}/{@code QRY} (msnp.md §12.1): the product ids and private keys of the
 * MSNP6/MSNP7 era. A client answers with its own pair, so every known pair is accepted
 * (§21).
 */
public final class Challenges {

	/** The public key (product id) of MSN Messenger 3.6 and 4.x, and its private key. */
	public static final String MSMSGS_PRODUCT_ID = "msmsgs@msnmsgr.com";

	private static final Map<String, String> PRIVATE_KEYS = Map.of(MSMSGS_PRODUCT_ID, "Q1P7W2E4J9R8U3S5");

	private Challenges() {
	}

	public static Optional<String> privateKey(String productId) {
		return Optional.ofNullable(PRIVATE_KEYS.get(productId));
	}

	/**
	 * The expected answer to {@code challenge} from a client with {@code productId}, if
	 * the id is known.
	 */
	public static Optional<String> expectedResponse(String productId, String challenge) {
		return privateKey(productId).map((key) -> Md5.hex(challenge + key));
	}

	/** Compares a client's answer in constant time; unknown product ids fail. */
	public static boolean verify(String productId, String challenge, String response) {
		return expectedResponse(productId, challenge)
			.map((expected) -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
			.orElse(false);
	}

}
