package org.butterfly.admin.lists;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of a list change.
 *
 * @param list {@code FL}, {@code AL} or {@code BL}
 * @param email the contact
 * @param friendlyName the stored name, decoded (absent for a removal)
 * @param version the owner's new list version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListChange(String list, String email, String friendlyName, long version) {

	/**
	 * The optional body of a {@code PUT}.
	 *
	 * @param friendlyName the name to store, in Unicode (at most 387 bytes URL-encoded);
	 * by default the contact's e-mail address on the FL and its friendly name on AL/BL,
	 * as the official client does
	 */
	public record Request(String friendlyName) {
	}

}
