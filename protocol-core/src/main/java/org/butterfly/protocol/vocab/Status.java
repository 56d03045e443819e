package org.butterfly.protocol.vocab;

import java.util.Optional;

/** Presence statuses (msnp.md §8.1). Codes are case-sensitive. */
public enum Status {

	NLN, BSY, IDL, BRB, AWY, PHN, LUN, HDN, FLN;

	/**
	 * Whether allowed watchers see the user online in this status (everything but HDN and
	 * FLN).
	 */
	public boolean isVisible() {
		return this != HDN && this != FLN;
	}

	public static Optional<Status> fromToken(String token) {
		for (Status status : values()) {
			if (status.name().equals(token)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
