package org.butterfly.directory.search;

/**
 * A searchable account found by {@code FND}, with its directory fields as entered.
 *
 * @param handle the account (the server may use the result index as an
 * {@code SDC}/{@code SND} target)
 * @param firstName first name
 * @param lastName last name
 * @param city city
 * @param state state
 * @param country country
 */
public record Member(String handle, String firstName, String lastName, String city, String state, String country) {
}
