package org.butterfly.directory.account;

import org.butterfly.directory.contacts.Gtc;
import org.butterfly.directory.privacy.Blp;

/**
 * Changes to an account from the admin API; a {@code null} component leaves that part
 * unchanged.
 *
 * @param friendlyName a new friendly name in wire form
 * @param password a new password
 * @param profile a new profile (replaces every profile field)
 * @param blp a new privacy mode
 * @param gtc a new reverse-list prompting mode
 */
public record AccountUpdate(String friendlyName, String password, Profile profile, Blp blp, Gtc gtc) {

	/** Changes nothing; start here and use the {@code with} methods. */
	public static final AccountUpdate NONE = new AccountUpdate(null, null, null, null, null);

	public AccountUpdate withFriendlyName(String friendlyName) {
		return new AccountUpdate(friendlyName, this.password, this.profile, this.blp, this.gtc);
	}

	public AccountUpdate withPassword(String password) {
		return new AccountUpdate(this.friendlyName, password, this.profile, this.blp, this.gtc);
	}

	public AccountUpdate withProfile(Profile profile) {
		return new AccountUpdate(this.friendlyName, this.password, profile, this.blp, this.gtc);
	}

	public AccountUpdate withBlp(Blp blp) {
		return new AccountUpdate(this.friendlyName, this.password, this.profile, blp, this.gtc);
	}

	public AccountUpdate withGtc(Gtc gtc) {
		return new AccountUpdate(this.friendlyName, this.password, this.profile, this.blp, gtc);
	}

}
