package org.butterfly.protocol.vocab;

/**
 * The numeric error replies Butterfly sends (msnp.md §15). An error reply is
 * {@code NNN TrID} with no other parameters ([POLICY] §2.8).
 */
public enum ErrorCode {

	INVALID_PARAMETER(201), INVALID_USER(205), ALREADY_LOGGED_IN(207), INVALID_USERNAME(208),
	INVALID_FRIENDLY_NAME(209), LIST_FULL(210), ALREADY_THERE(215), NOT_ON_LIST(216), PRINCIPAL_NOT_ONLINE(217),
	ALREADY_IN_MODE(218), ALREADY_IN_OPPOSITE_LIST(219), NOT_ACCEPTING_PAGES(220), TOO_MANY_GROUPS(223),
	INVALID_GROUP(224), PRINCIPAL_NOT_IN_GROUP(225), GROUP_NAME_EXISTS(228), GROUP_NAME_TOO_LONG(229),
	CANNOT_REMOVE_GROUP_ZERO(230), SWITCHBOARD_FAILED(280), TOO_MANY_RESULTS(301), NOT_LOGGED_IN(302),
	INTERNAL_ERROR(500), DATABASE_ERROR(501), COMMAND_DISABLED(502), UNSPECIFIED_FAILURE(503), CHALLENGE_FAILED(540),
	SERVER_BUSY(600), SERVER_UNAVAILABLE(601), USER_TOO_ACTIVE(713), NOT_EXPECTED(715), RATE_LIMITED(800),
	AUTHENTICATION_FAILED(911), NOT_ALLOWED_WHEN_OFFLINE(913), NOT_ACCEPTING_NEW_USERS(920), ACCOUNT_NOT_VERIFIED(924);

	private final int code;

	private final String token;

	ErrorCode(int code) {
		this.code = code;
		this.token = Integer.toString(code);
	}

	public int code() {
		return this.code;
	}

	/** The three digits as they appear on the wire. */
	public String token() {
		return this.token;
	}

	public static ErrorCode of(int code) {
		for (ErrorCode error : values()) {
			if (error.code == code) {
				return error;
			}
		}
		throw new IllegalArgumentException("no such MSNP error code: " + code);
	}

}
