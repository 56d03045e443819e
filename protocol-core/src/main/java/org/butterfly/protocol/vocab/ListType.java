package org.butterfly.protocol.vocab;

import java.util.Optional;

/**
 * The four contact lists (msnp.md §6). Clients may edit FL, AL and BL; the server alone
 * maintains RL.
 */
public enum ListType {

	FL, AL, BL, RL;

	public boolean clientEditable() {
		return this != RL;
	}

	public static Optional<ListType> fromToken(String token) {
		for (ListType list : values()) {
			if (list.name().equals(token)) {
				return Optional.of(list);
			}
		}
		return Optional.empty();
	}

}
