package org.butterfly.directory.account;

/**
 * What it takes to create an account.
 *
 * @param email the e-mail address (the handle; stored in lower case)
 * @param password the password, 1 to 72 bytes (the MD5 sign-in needs it; bcrypt reads 72
 * bytes)
 * @param friendlyName the friendly name in wire form, or {@code null} for the handle
 * itself (msnp.md 5.3)
 * @param profile the profile, or {@code null} for {@link Profile#DEFAULT}
 */
public record NewAccount(String email, String password, String friendlyName, Profile profile) {

	/**
	 * An account with the default name and profile.
	 * @param email the e-mail address
	 * @param password the password
	 * @return the request
	 */
	public static NewAccount of(String email, String password) {
		return new NewAccount(email, password, null, null);
	}

}
