package org.butterfly.directory.privacy;

/**
 * The privacy rules, in one place. Every query and fan-out of the directory decides
 * through these methods; callers supply the facts (the owner's BLP, the watcher's
 * {@link Standing} on the owner's lists).
 */
public final class Privacy {

	private Privacy() {
	}

	/**
	 * {@code allowedBy(U, W)} of msnp.md 6.5: W not in U.BL, and W in U.AL or U's BLP is
	 * AL. Governs presence, switchboard invitations and the ILN after the first CHG.
	 * @param ownerMode U's BLP
	 * @param watcher where W stands on U's lists
	 * @return whether U allows W
	 */
	public static boolean allowedBy(Blp ownerMode, Standing watcher) {
		return !watcher.blocked() && (watcher.allowed() || ownerMode == Blp.AL);
	}

	/**
	 * Whether W sees U's PHH/PHW/PHM/MOB (msnp.md 11.2 POLICY): iff W in U.AL and W not
	 * in U.BL. Independent of BLP.
	 * @param watcher where W stands on U's lists
	 * @return whether W sees the numbers
	 */
	public static boolean seesPhones(Standing watcher) {
		return watcher.allowed() && !watcher.blocked();
	}

	/**
	 * What W sees of U's phone properties: everything when {@link #seesPhones(Standing)},
	 * otherwise blank numbers and MOB N.
	 * @param owner U's properties
	 * @param watcher where W stands on U's lists
	 * @return the view
	 */
	public static PhoneView phonesSeenBy(PhoneBook owner, Standing watcher) {
		return seesPhones(watcher) ? owner.shown() : PhoneView.HIDDEN;
	}

}
