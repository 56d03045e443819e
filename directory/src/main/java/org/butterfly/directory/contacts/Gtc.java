package org.butterfly.directory.contacts;

/**
 * What the client does when someone new appears on the RL (msnp.md 9.4). Stored and
 * returned in SYN, never interpreted by the server.
 */
public enum Gtc {

	/** Ask the user. The default. */
	A,
	/** Silently allow. */
	N;

	/**
	 * The mode named by a wire token.
	 * @param token {@code A} or {@code N}
	 * @return the mode
	 * @throws ListException {@link ListError#MALFORMED_ARGUMENT} for anything else
	 */
	public static Gtc fromToken(String token) {
		for (Gtc mode : values()) {
			if (mode.name().equals(token)) {
				return mode;
			}
		}
		throw new ListException(ListError.MALFORMED_ARGUMENT, "GTC " + token);
	}

}
