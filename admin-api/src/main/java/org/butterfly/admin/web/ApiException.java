package org.butterfly.admin.web;

import org.springframework.http.HttpStatus;

/** A refusal with its HTTP status and a message safe to show an operator. */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	public ApiException(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
