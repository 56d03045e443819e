package org.butterfly.directory.account;

/**
 * The account a directory operation acts for does not exist (any more). The admin API
 * answers 404.
 */
public class AccountNotFoundException extends RuntimeException {

	private final String email;

	public AccountNotFoundException(String email) {
		super("No account " + email);
		this.email = email;
	}

	public String email() {
		return this.email;
	}

}
