package org.butterfly.notification.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Fresh random values for sign-in: the MD5 salt, new for every attempt so that a captured
 * response cannot be replayed (ARCHITECTURE §7), and the opaque {@code MSPAuth} ticket.
 * Thread-safe.
 */
public final class Salts {

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	public Salts(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A salt in the original servers' form: Unix seconds, a dot, nine random digits, e.g.
	 * {@code 1013928519.693957190} (msnp.md §5.2).
	 */
	public String salt() {
		return this.clock.instant().getEpochSecond() + "." + String.format("%09d", this.random.nextInt(1_000_000_000));
	}

	/** An opaque ticket for the profile's {@code MSPAuth} (msnp.md §5.5). */
	public String ticket() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

	/** A {@code CHL} challenge: twenty random decimal digits (msnp.md §12.1). */
	public String challenge() {
		StringBuilder digits = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			digits.append(this.random.nextInt(10));
		}
		return digits.toString();
	}

}
