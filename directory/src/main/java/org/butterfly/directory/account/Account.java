package org.butterfly.directory.account;

import java.time.Instant;

import org.butterfly.directory.contacts.Gtc;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;

/**
 * An account as the servers and the admin API see it (never the password).
 *
 * @param id the account id
 * @param email the handle, lower case
 * @param friendlyName the friendly name in wire form
 * @param puid the PUID derived from the id
 * @param listVersion the list version
 * @param blp the privacy mode
 * @param gtc the reverse-list prompting mode
 * @param phones the phone properties
 * @param profile the profile fields
 * @param createdAt when the account was created
 * @param updatedAt when it last changed
 */
public record Account(long id, String email, String friendlyName, Puid puid, long listVersion, Blp blp, Gtc gtc,
		PhoneBook phones, Profile profile, Instant createdAt, Instant updatedAt) {
}
