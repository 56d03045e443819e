package org.butterfly.directory.contacts;

import java.util.List;

/**
 * The outcome of a committed list command.
 *
 * @param version the actor's new list version, for the reply
 * @param effects what the other accounts must be told
 */
public record ListUpdate(long version, List<ListEffect> effects) {

	public ListUpdate {
		effects = List.copyOf(effects);
	}

}
