package org.butterfly.directory.contacts;

import java.util.List;
import java.util.Locale;

import org.butterfly.directory.WireText;

/**
 * The configurable limits and name policy of the list commands.
 *
 * @param forwardList most FL entries ({@code 210} beyond; 150 in the period, msnp.md 2.5)
 * @param allowList most AL entries
 * @param blockList most BL entries
 * @param groups most groups including group 0, at most 30 ({@code 223} beyond)
 * @param refusedNameParts case-insensitive fragments of a decoded name that {@code REA}
 * refuses with {@code 209}
 */
public record ListRules(int forwardList, int allowList, int blockList, int groups, List<String> refusedNameParts) {

	/** The defaults: FL 150, AL 500, BL 500, 30 groups, no refused names. */
	public static final ListRules DEFAULT = new ListRules(150, 500, 500, 30, List.of());

	public ListRules {
		if (forwardList < 0 || allowList < 0 || blockList < 0) {
			throw new IllegalArgumentException("List limits cannot be negative");
		}
		if (groups < 1 || groups > 30) {
			throw new IllegalArgumentException("The group limit must be between 1 and 30, not " + groups);
		}
		refusedNameParts = refusedNameParts.stream().map((part) -> part.toLowerCase(Locale.ROOT)).toList();
	}

	int limit(ListType list) {
		return switch (list) {
			case FL -> this.forwardList;
			case AL -> this.allowList;
			case BL -> this.blockList;
			case RL -> Integer.MAX_VALUE;
		};
	}

	boolean refuses(String wireName) {
		String plain = WireText.decode(wireName).toLowerCase(Locale.ROOT);
		return this.refusedNameParts.stream().anyMatch(plain::contains);
	}

}
