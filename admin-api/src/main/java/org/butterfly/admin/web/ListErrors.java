package org.butterfly.admin.web;

import org.butterfly.directory.contacts.ListError;

import org.springframework.http.HttpStatus;

/**
 * How the protocol's list refusals (msnp.md §15) map to HTTP: an unknown account, entry
 * or group is 404, a state conflict (already there, on the opposite list, list full,
 * already in that mode) is 409, a malformed handle or a protocol violation (a name over
 * 387 bytes, the RL) is 400, a name the policy refuses is 422.
 */
public final class ListErrors {

	private ListErrors() {
	}

	public static HttpStatus status(ListError error) {
		if (error.closesConnection()) {
			return HttpStatus.BAD_REQUEST;
		}
		return switch (error) {
			case INVALID_PARAMETER -> HttpStatus.BAD_REQUEST;
			case NO_SUCH_USER, NOT_ON_LIST, NO_SUCH_GROUP, NOT_IN_GROUP -> HttpStatus.NOT_FOUND;
			case ALREADY_THERE, ON_OPPOSITE_LIST, LIST_FULL, ALREADY_IN_MODE, TOO_MANY_GROUPS, GROUP_NAME_EXISTS ->
				HttpStatus.CONFLICT;
			default -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	public static String describe(ListError error) {
		return switch (error) {
			case INVALID_PARAMETER -> "Not a valid contact (malformed e-mail address, or oneself on the FL)";
			case NO_SUCH_USER -> "No such account";
			case NAME_REFUSED -> "The name is refused by policy";
			case LIST_FULL -> "The list is full";
			case ALREADY_THERE -> "The contact is on that list already";
			case NOT_ON_LIST -> "The contact is not on that list";
			case ALREADY_IN_MODE -> "The setting has that value already";
			case ON_OPPOSITE_LIST -> "The contact is on the opposite list (AL and BL exclude each other)";
			case READ_ONLY_LIST -> "The RL is maintained by the server";
			case UNKNOWN_LIST -> "Not a list: use FL, AL or BL";
			case NAME_TOO_LONG -> "The name is longer than 387 bytes URL-encoded";
			default -> "Refused: " + error.name();
		};
	}

}
