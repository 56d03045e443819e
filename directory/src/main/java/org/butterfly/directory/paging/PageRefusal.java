package org.butterfly.directory.paging;

/**
 * Why a page may not go out (msnp.md 11.5). The client sees {@code 800} for each of them;
 * the reason is for logs and tests.
 */
public enum PageRefusal {

	/** The target account does not exist. */
	UNKNOWN_TARGET,
	/** The target is not on the sender's FL. */
	NOT_ON_FORWARD_LIST,
	/** The target has the sender on its BL. */
	BLOCKED,
	/**
	 * The target has not put the sender on its AL, so the sender does not see its
	 * {@code MOB} (msnp.md 11.2 POLICY).
	 */
	NOT_ALLOWED,
	/** The target has no registered mobile device ({@code MBE N}). */
	NO_DEVICE,
	/** The target does not accept pages ({@code MOB N}). */
	PAGING_OFF

}
