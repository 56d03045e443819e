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
