package org.butterfly.directory.contacts;

/**
 * A list command the directory refused. Thrown before anything is written, or from inside
 * the transaction, which then rolls back: either way nothing changes and no list version
 * moves.
 */
public class ListException extends RuntimeException {

	private final ListError error;

	/**
	 * Creates the failure.
	 * @param error why the command was refused
	 * @param detail what was refused, for logs and admin API messages (never a secret)
	 */
	public ListException(ListError error, String detail) {
		super(error + " (" + error.code() + "): " + detail, null, false, false);
		this.error = error;
	}

	/**
	 * Why the command was refused.
	 * @return the error, with its MSNP code
	 */
	public ListError error() {
		return this.error;
	}

}
