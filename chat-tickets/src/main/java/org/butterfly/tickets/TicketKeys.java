package org.butterfly.tickets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets tickets are signed with, for key rotation: new tickets are signed with the
 * first key, and a ticket signed with any of them verifies. To rotate, put the new key
 * first on every switchboard node, then on every issuer, and drop the old key once its
 * last tickets have expired (a minute later). Immutable; never printed.
 */
public final class TicketKeys {

	/** A secret shorter than this is refused: HMAC-SHA256 wants a key of 32 bytes. */
	public static final int MIN_SECRET_BYTES = 32;

	/**
	 * For development only: every node started without a key shares it, so tickets are
	 * forgeable by anyone who reads this file.
	 */
	static final String DEVELOPMENT_SECRET = "butterfly-development-ticket-key-do-not-use-in-production";

	private static final System.Logger logger = System.getLogger(TicketKeys.class.getName());

	private final List<byte[]> secrets;

	private TicketKeys(List<byte[]> secrets) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("at least one ticket key is needed");
		}
		for (byte[] secret : secrets) {
			if (secret.length < MIN_SECRET_BYTES) {
				throw new IllegalArgumentException("ticket keys must be at least " + MIN_SECRET_BYTES + " bytes long");
			}
		}
		this.secrets = secrets;
	}

	/** Keys from configuration text (UTF-8), the signing key first. */
	public static TicketKeys of(List<String> secrets) {
		List<byte[]> keys = new ArrayList<>(secrets.size());
		for (String secret : secrets) {
			keys.add(secret.strip().getBytes(StandardCharsets.UTF_8));
		}
		return new TicketKeys(List.copyOf(keys));
	}

	/**
	 * The configured keys or, when none is configured, the public development key with a
	 * warning: the issuers (notification servers) and the verifiers (switchboards) of one
	 * deployment must agree, and agree without configuration on a developer's machine.
	 * @param secrets configured secrets, blank ones ignored
	 * @param who the application, for the warning
	 */
	public static TicketKeys configuredOrDevelopment(List<String> secrets, String who) {
		List<String> configured = secrets.stream().map(String::strip).filter((secret) -> !secret.isEmpty()).toList();
		if (configured.isEmpty()) {
			logger.log(System.Logger.Level.WARNING, "BUTTERFLY_SECRET_KEY is not set: the " + who
					+ " signs switchboard tickets with the public development key, so they can be forged; set a secret"
					+ " of at least " + MIN_SECRET_BYTES + " bytes");
			return of(DEVELOPMENT_SECRET);
		}
		return of(configured);
	}

	/** Keys from configuration text (UTF-8), the signing key first. */
	public static TicketKeys of(String... secrets) {
		return of(List.of(secrets));
	}

	byte[] signing() {
		return this.secrets.get(0);
	}

	List<byte[]> all() {
		return this.secrets;
	}

	@Override
	public String toString() {
		return "TicketKeys[" + this.secrets.size() + " key(s)]";
	}

}
