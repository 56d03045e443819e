package org.butterfly.protocol.vocab;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every verb of MSNP2 to MSNP7, in either direction (msnp.md §16). A token that is not
 * here is an unknown verb, which closes the connection (§2.8).
 */
public enum Verb {

	// dispatch and notification server
	VER, INF, USR, XFR, CVR, CVQ, SYN, LST, GTC, BLP, CHG, ILN, NLN, FLN, ADD, REM, REA, PRP, BPR, URL, SND, SDC, PAG,
	NOT, IPG, CHL, QRY, FND, IMS, LSG, ADG, RMG, REG, RNG, PNG, QNG, OUT,
	// switchboard (USR, OUT and MSG are shared)
	CAL, ANS, IRO, JOI, BYE, MSG, ACK, NAK;

	private static final Map<String, Verb> BY_TOKEN = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

	/** Verbs are case-sensitive: {@code chg} is not {@code CHG} (§2.1). */
	public static Optional<Verb> fromToken(String token) {
		return Optional.ofNullable(BY_TOKEN.get(token));
	}

}
