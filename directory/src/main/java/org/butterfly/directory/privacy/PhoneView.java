package org.butterfly.directory.privacy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.butterfly.directory.contacts.PhoneKey;

/**
 * What one watcher may see of an owner's phone properties: the four {@code BPR} lines
 * PHH, PHW, PHM and MOB (msnp.md 11.2). A {@code null} number is sent as the key without
 * a value.
 *
 * @param home PHH, or {@code null}
 * @param work PHW, or {@code null}
 * @param mobile PHM, or {@code null}
 * @param mobilePaging MOB ({@code Y} when {@code true})
 */
public record PhoneView(String home, String work, String mobile, boolean mobilePaging) {

	/**
	 * What a watcher who may not see the owner's numbers sees: blank numbers and
	 * {@code MOB N}.
	 */
	public static final PhoneView HIDDEN = new PhoneView(null, null, null, false);

	/**
	 * The value of one key as a {@code BPR} line carries it.
	 * @param key PHH, PHW, PHM or MOB
	 * @return the number, {@code null} for none, or {@code Y}/{@code N} for MOB
	 */
	public String value(PhoneKey key) {
		return switch (key) {
			case PHH -> this.home;
			case PHW -> this.work;
			case PHM -> this.mobile;
			case MOB -> this.mobilePaging ? "Y" : "N";
			case MBE -> throw new IllegalArgumentException("MBE is shown to its owner only");
		};
	}

	/**
	 * The keys whose value differs from another view.
	 * @param before the view the watcher had
	 * @return the changed keys, in SYN order; empty when nothing the watcher sees changed
	 */
	public Set<PhoneKey> changedSince(PhoneView before) {
		Set<PhoneKey> changed = EnumSet.noneOf(PhoneKey.class);
		for (PhoneKey key : new PhoneKey[] { PhoneKey.PHH, PhoneKey.PHW, PhoneKey.PHM, PhoneKey.MOB }) {
			if (!Objects.equals(before.value(key), value(key))) {
				changed.add(key);
			}
		}
		return changed;
	}

}
