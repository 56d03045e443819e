package org.butterfly.admin.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.butterfly.admin.web.Handle;
import org.butterfly.directory.contacts.Gtc;
import org.butterfly.directory.privacy.Blp;

/** The bodies of the account requests. */
public final class AccountRequests {

	private AccountRequests() {
	}

	/**
	 * A new account.
	 *
	 * @param email the handle (msnp.md §2.5: at most 129 bytes, {@code local@domain.tld})
	 * @param password 1 to 72 bytes; the MD5 sign-in needs it, so it is kept encrypted
	 * @param friendlyName the friendly name in Unicode (at most 387 bytes URL-encoded);
	 * the e-mail address when absent
	 * @param profile the member-directory fields
	 */
	public record Create(@NotBlank @Handle String email, @NotEmpty String password, String friendlyName,
			@Valid ProfileBody profile) {
	}

	/**
	 * Changes to an account; an absent field stays as it is.
	 *
	 * @param friendlyName a new friendly name (moves the list version, tells watchers)
	 * @param password a new password
	 * @param profile new member-directory fields (replace all six)
	 * @param blp a new privacy mode, {@code AL} or {@code BL} (moves the list version,
	 * re-evaluates watchers)
	 * @param gtc a new reverse-list prompting mode, {@code A} or {@code N} (moves the
	 * list version)
	 */
	public record Update(String friendlyName, String password, @Valid ProfileBody profile, Blp blp, Gtc gtc) {
	}

}
