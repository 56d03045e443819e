package org.butterfly.protocol.vocab;

import java.util.Locale;
import java.util.Optional;

/**
 * The protocol dialects Butterfly speaks, MSNP2 to MSNP7 (msnp.md §16). Everything a
 * client sees that differs between dialects is asked of the session's dialect through
 * these methods, never decided by ad-hoc version comparisons in handlers.
 */
public enum Dialect {

	MSNP2(2), MSNP3(3), MSNP4(4), MSNP5(5), MSNP6(6), MSNP7(7);

	/** The dialect the project treats as its reference. */
	public static final Dialect REFERENCE = MSNP5;

	private final int number;

	Dialect(int number) {
		this.number = number;
	}

	public int number() {
		return this.number;
	}

	public boolean atLeast(Dialect other) {
		return this.number >= other.number;
	}

	/** {@code VER} names are case-insensitive: {@code msnp5} is {@code MSNP5} (§2.6). */
	public static Optional<Dialect> fromToken(String token) {
		String upper = token.toUpperCase(Locale.ROOT);
		for (Dialect dialect : values()) {
			if (dialect.name().equals(upper)) {
				return Optional.of(dialect);
			}
		}
		return Optional.empty();
	}

	/** {@code XFR NS} ends with {@code 0} from MSNP3 (§4). */
	public boolean referralHasZero() {
		return atLeast(MSNP3);
	}

	/** {@code XFR NS} names the current server as its last parameter from MSNP7 (§4). */
	public boolean referralNamesCurrentServer() {
		return atLeast(MSNP7);
	}

	/** The profile message carries the Passport fields from MSNP3 (§5.5). */
	public boolean hasPassportProfile() {
		return atLeast(MSNP3);
	}

	/** {@code IMS} exists from MSNP3 (§8.5). */
	public boolean hasIms() {
		return atLeast(MSNP3);
	}

	/**
	 * {@code PRP}, {@code BPR}, {@code SDC}, {@code PAG}, {@code NOT} exist from MSNP5
	 * (§11).
	 */
	public boolean hasPhoneProperties() {
		return atLeast(MSNP5);
	}

	/**
	 * {@code CHL}/{@code QRY}, {@code IPG} and the verified flag exist from MSNP6 (§12).
	 */
	public boolean hasChallenges() {
		return atLeast(MSNP6);
	}

	/** {@code USR ... OK} carries the verified flag from MSNP6 (§5.3). */
	public boolean hasVerifiedFlag() {
		return atLeast(MSNP6);
	}

	/** Groups ({@code LSG ADG RMG REG}, group ids on FL) exist from MSNP7 (§10). */
	public boolean hasGroups() {
		return atLeast(MSNP7);
	}

	/** The URL reply carries the Passport site id from MSNP3 (§11.7). */
	public boolean urlHasSiteId() {
		return atLeast(MSNP3);
	}

	/** The e-mail notification content types changed in MSNP3 (§5.6). */
	public boolean hasModernMailContentTypes() {
		return atLeast(MSNP3);
	}

}
