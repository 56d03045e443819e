package org.butterfly.directory.account;

import java.util.regex.Pattern;

/**
 * The profile fields of an account: the member-directory fields {@code FND} searches
 * (plain text, compared without case) and the fields of the profile message (msnp.md 5.5,
 * 11.8). Blank text is stored as absent.
 *
 * @param firstName first name, or {@code null}
 * @param lastName last name, or {@code null}
 * @param city city, or {@code null}
 * @param state state, or {@code null}
 * @param country country, or {@code null}
 * @param searchable whether {@code FND} may return the account
 * @param lcid the language ({@code lang_preference}), 1033 by default
 * @param countryCode the two-letter country code of the profile message, or {@code null}
 * @param postalCode the postal code, or {@code null}
 * @param gender {@code M}, {@code F} or {@code null}
 * @param emailEnabled whether the client shows a mailbox ({@code EmailEnabled})
 * @param verified the MSNP6+ verified flag
 */
public record Profile(String firstName, String lastName, String city, String state, String country, boolean searchable,
		int lcid, String countryCode, String postalCode, String gender, boolean emailEnabled, boolean verified) {

	/**
	 * A new account's profile: nothing filled in, not searchable, LCID 1033, verified.
	 */
	public static final Profile DEFAULT = new Profile(null, null, null, null, null, false, 1033, null, null, null,
			false, true);

	private static final int MAX_FIELD = 100;

	private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");

	public Profile {
		firstName = field("first name", firstName, MAX_FIELD);
		lastName = field("last name", lastName, MAX_FIELD);
		city = field("city", city, MAX_FIELD);
		state = field("state", state, MAX_FIELD);
		country = field("country", country, MAX_FIELD);
		postalCode = field("postal code", postalCode, 20);
		countryCode = field("country code", countryCode, 2);
		gender = field("gender", gender, 1);
		if (countryCode != null && !COUNTRY_CODE.matcher(countryCode).matches()) {
			throw new IllegalArgumentException("The country code must be two letters");
		}
		if (gender != null && !gender.equals("M") && !gender.equals("F")) {
			throw new IllegalArgumentException("The gender must be M or F");
		}
		if (lcid <= 0) {
			throw new IllegalArgumentException("The LCID must be positive");
		}
	}

	private static String field(String what, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			throw new IllegalArgumentException("The " + what + " is longer than " + maxLength + " characters");
		}
		return trimmed;
	}

}
