package org.butterfly.directory.internal;

import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.privacy.PhoneBook;

/**
 * One list entry joined with the listed account: everything SYN, LST, ILN and the
 * fan-outs need about it.
 *
 * @param list the list
 * @param contactId the listed account's id
 * @param handle the listed account's handle
 * @param name the stored custom name
 * @param groupMask the FL groups as a bit set, 0 elsewhere
 * @param friendlyName the listed account's own friendly name
 * @param blp the listed account's privacy mode
 * @param phoneHome the listed account's PHH
 * @param phoneWork the listed account's PHW
 * @param phoneMobile the listed account's PHM
 * @param mobilePaging the listed account's MOB
 * @param mobileDevice the listed account's MBE
 */
public record EntryRow(ListType list, long contactId, String handle, String name, int groupMask, String friendlyName,
		Blp blp, String phoneHome, String phoneWork, String phoneMobile, boolean mobilePaging, boolean mobileDevice) {

	public PhoneBook phoneBook() {
		return new PhoneBook(this.phoneHome, this.phoneWork, this.phoneMobile, this.mobilePaging, this.mobileDevice);
	}

}
