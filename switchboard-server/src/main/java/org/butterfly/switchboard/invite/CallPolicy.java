package org.butterfly.switchboard.invite;

import java.time.Duration;

import org.butterfly.protocol.vocab.ErrorCode;

/**
 * The [POLICY] parts of {@code CAL} (msnp.md §14.2, docs/adr/0402).
 *
 * @param maxCalls invitations one participant may send per {@code window}; beyond them
 * {@code 713}
 * @param window the rate-limit window
 * @param privacyRefusal the answer when the callee does not allow the caller: {@code 217}
 * (default) or {@code 216}
 */
public record CallPolicy(int maxCalls, Duration window, ErrorCode privacyRefusal) {

	public CallPolicy {
		if (maxCalls < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("CAL rate limit out of range: " + maxCalls + " per " + window);
		}
		if (privacyRefusal != ErrorCode.PRINCIPAL_NOT_ONLINE && privacyRefusal != ErrorCode.NOT_ON_LIST) {
			throw new IllegalArgumentException("a privacy refusal is 217 or 216, not " + privacyRefusal.token());
		}
	}

}
