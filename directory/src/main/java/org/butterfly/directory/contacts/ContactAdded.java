package org.butterfly.directory.contacts;

import java.util.List;
import java.util.Optional;

import org.butterfly.directory.privacy.PhoneView;

/**
 * The outcome of a committed {@code ADD}.
 *
 * @param version the actor's new list version, for the reply
 * @param effects what the other accounts must be told
 * @param newContact present when the command created an FL entry (not for a group-only
 * change)
 */
public record ContactAdded(long version, List<ListEffect> effects, Optional<NewContact> newContact) {

	public ContactAdded {
		effects = List.copyOf(effects);
	}

	/**
	 * What the adder learns about a contact new on its FL (msnp.md 9.1).
	 *
	 * @param phones the four {@code BPR} values sent right after the reply, carrying the
	 * reply's version
	 * @param allowsYou {@code allowedBy(contact, adder)}: with the contact's live status
	 * it decides the {@code ILN}
	 */
	public record NewContact(PhoneView phones, boolean allowsYou) {
	}

}
