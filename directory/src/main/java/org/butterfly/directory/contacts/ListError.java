package org.butterfly.directory.contacts;

/**
 * Why the directory refused a list command (msnp.md 15). A refused command changes
 * nothing.
 * <p>
 * Errors with a {@link #code()} are answered with that code and the session goes on.
 * Protocol violations ({@link #closesConnection()}) are the cases where the spec closes
 * the connection without a reply; the admin API answers them with 400.
 */
public enum ListError {

	/** 201: malformed handle, or {@code ADD FL} of oneself. */
	INVALID_PARAMETER(201),
	/** 205: no such account. */
	NO_SUCH_USER(205),
	/** 209: the name is refused by policy. */
	NAME_REFUSED(209),
	/** 210: the list is full. */
	LIST_FULL(210),
	/** 215: already on that list (MSNP7 FL with a group: already in that group). */
	ALREADY_THERE(215),
	/** 216: not on that list (REM), or on no list (REA). */
	NOT_ON_LIST(216),
	/** 218: BLP or GTC is already in that mode. */
	ALREADY_IN_MODE(218),
	/** 219: adding to AL while on BL, or to BL while on AL. */
	ON_OPPOSITE_LIST(219),
	/** 223: no free group. */
	TOO_MANY_GROUPS(223),
	/** 224: no such group. */
	NO_SUCH_GROUP(224),
	/** 225: the contact is not in that group. */
	NOT_IN_GROUP(225),
	/** 228: a group with that name exists. */
	GROUP_NAME_EXISTS(228),
	/** 229: the group name is longer than 61 bytes. */
	GROUP_NAME_TOO_LONG(229),
	/** 230: group 0 cannot be removed. */
	GROUP_ZERO_PERMANENT(230),
	/** 715: unknown 3-letter property, or a client setting {@code MBE}. */
	NOT_EXPECTED(715),

	/** Violation: clients never write the RL. */
	READ_ONLY_LIST(0),
	/** Violation: not one of FL, AL, BL, RL. */
	UNKNOWN_LIST(0),
	/** Violation: a friendly or custom name longer than 387 bytes. */
	NAME_TOO_LONG(0),
	/** Violation: a phone number longer than 95 bytes. */
	PHONE_VALUE_TOO_LONG(0),
	/** Violation: a property key longer than 3 characters. */
	PROPERTY_KEY_TOO_LONG(0),
	/** Violation: a group id outside 0..29 in REG or RMG. */
	GROUP_ID_OUT_OF_RANGE(0),
	/**
	 * Violation: an argument that is not a wire token, a BLP/GTC value, or a group id on
	 * AL/BL.
	 */
	MALFORMED_ARGUMENT(0);

	private final int code;

	ListError(int code) {
		this.code = code;
	}

	/**
	 * The MSNP error code to reply with.
	 * @return the three-digit code, or {@code 0} for a protocol violation, which gets no
	 * reply
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Whether the server closes the connection without a reply (msnp.md 2.8).
	 * @return {@code true} for a protocol violation
	 */
	public boolean closesConnection() {
		return this.code == 0;
	}

}
