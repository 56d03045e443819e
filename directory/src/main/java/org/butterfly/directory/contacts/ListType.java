package org.butterfly.directory.contacts;

/**
 * The four contact lists (msnp.md 6.1). Clients change FL, AL and BL; the directory alone
 * writes RL, mirroring the other accounts' FL (msnp.md 6.2).
 */
public enum ListType {

	/** Forward list: the people I watch. */
	FL,
	/** Allow list. */
	AL,
	/** Block list. */
	BL,
	/** Reverse list: the people who have me on their FL. */
	RL;

	/**
	 * The list named by a wire token (case-sensitive, msnp.md 2.6).
	 * @param token {@code FL}, {@code AL}, {@code BL} or {@code RL}
	 * @return the list
	 * @throws ListException {@link ListError#UNKNOWN_LIST} for anything else
	 */
	public static ListType fromToken(String token) {
		for (ListType list : values()) {
			if (list.name().equals(token)) {
				return list;
			}
		}
		throw new ListException(ListError.UNKNOWN_LIST, String.valueOf(token));
	}

}
