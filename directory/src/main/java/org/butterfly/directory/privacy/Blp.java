package org.butterfly.directory.privacy;

import org.butterfly.directory.contacts.ListError;
import org.butterfly.directory.contacts.ListException;

/** The privacy mode for people on neither AL nor BL (msnp.md 6.5, 9.4). */
public enum Blp {

	/** Allow unless blocked. The default. */
	AL,
	/** Block unless allowed. */
	BL;

	/**
	 * The mode named by a wire token.
	 * @param token {@code AL} or {@code BL}
	 * @return the mode
	 * @throws ListException {@link ListError#MALFORMED_ARGUMENT} for anything else
	 */
	public static Blp fromToken(String token) {
		for (Blp mode : values()) {
			if (mode.name().equals(token)) {
				return mode;
			}
		}
		throw new ListException(ListError.MALFORMED_ARGUMENT, "BLP " + token);
	}

}
