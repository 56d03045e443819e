package org.butterfly.directory.account;

/** An account with that e-mail address exists already. The admin API answers 409. */
public class AccountExistsException extends RuntimeException {

	private final String email;

	public AccountExistsException(String email) {
		super("An account " + email + " exists already");
		this.email = email;
	}

	public String email() {
		return this.email;
	}

}
