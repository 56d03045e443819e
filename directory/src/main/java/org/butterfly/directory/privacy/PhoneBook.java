package org.butterfly.directory.privacy;

/**
 * An account's own phone properties, as the owner sees them in {@code PRP} lines of SYN
 * (msnp.md 6.4, 7.3).
 *
 * @param home PHH in wire form, or {@code null} when unset
 * @param work PHW in wire form, or {@code null} when unset
 * @param mobile PHM in wire form, or {@code null} when unset
 * @param mobilePaging MOB: others may page my mobile device
 * @param mobileDevice MBE: a mobile device is registered (server-controlled)
 */
public record PhoneBook(String home, String work, String mobile, boolean mobilePaging, boolean mobileDevice) {

	/** A new account's properties: nothing set, MOB N, MBE N. */
	public static final PhoneBook EMPTY = new PhoneBook(null, null, null, false, false);

	/**
	 * Everything a watcher who is allowed to see the numbers sees.
	 * @return the full view
	 */
	public PhoneView shown() {
		return new PhoneView(this.home, this.work, this.mobile, this.mobilePaging);
	}

}
