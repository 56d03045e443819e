package org.butterfly.admin.accounts;

import jakarta.validation.constraints.Size;

import org.butterfly.directory.account.Profile;

/**
 * The member-directory fields of an account ({@code FND}, msnp.md §11.8), plain text.
 *
 * @param firstName first name
 * @param lastName last name
 * @param city city
 * @param state state
 * @param country country
 * @param searchable whether {@code FND} finds the account (default false)
 */
public record ProfileBody(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
		@Size(max = 100) String city, @Size(max = 100) String state, @Size(max = 100) String country,
		Boolean searchable) {

	static ProfileBody of(Profile profile) {
		return new ProfileBody(profile.firstName(), profile.lastName(), profile.city(), profile.state(),
				profile.country(), profile.searchable());
	}

	/** These fields over {@code base}; the profile message's fields stay as they are. */
	Profile over(Profile base) {
		return new Profile(this.firstName, this.lastName, this.city, this.state, this.country,
				Boolean.TRUE.equals(this.searchable), base.lcid(), base.countryCode(), base.postalCode(), base.gender(),
				base.emailEnabled(), base.verified());
	}

}
