package org.butterfly.directory.search;

import java.util.Locale;

/**
 * A member-directory search (msnp.md 11.8). Values are plain text (the caller decodes the
 * wire form); {@code null} or {@code *} matches anything; anything else matches exactly,
 * without case.
 *
 * @param firstName first name
 * @param lastName last name
 * @param city city
 * @param state state
 * @param country country
 */
public record SearchCriteria(String firstName, String lastName, String city, String state, String country) {

	public SearchCriteria {
		firstName = key(firstName);
		lastName = key(lastName);
		city = key(city);
		state = key(state);
		country = key(country);
	}

	private static String key(String value) {
		if (value == null || value.isBlank() || value.strip().equals("*")) {
			return null;
		}
		return value.strip().toLowerCase(Locale.ROOT);
	}

}
