package org.butterfly.admin.web;

/**
 * A request field the protocol's rules refuse (an e-mail address that is no handle, a
 * name too long once URL-encoded, ...): answered with 400 naming the field.
 */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
