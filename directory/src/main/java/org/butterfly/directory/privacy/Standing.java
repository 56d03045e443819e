package org.butterfly.directory.privacy;

/**
 * Where a watcher W stands on an owner U's lists: the only facts, besides U's
 * {@link Blp}, that the privacy rules read.
 *
 * @param allowed W is on U's AL
 * @param blocked W is on U's BL
 */
public record Standing(boolean allowed, boolean blocked) {

	/** On neither list. */
	public static final Standing NONE = new Standing(false, false);

}
