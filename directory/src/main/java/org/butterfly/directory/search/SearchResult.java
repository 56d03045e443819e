package org.butterfly.directory.search;

import java.util.List;

/**
 * The hits of a member search.
 *
 * @param members at most the limit asked for, ordered by last name, first name
 * @param tooMany whether more matched than the limit ({@code FND} answers {@code 301})
 */
public record SearchResult(List<Member> members, boolean tooMany) {

	public SearchResult {
		members = List.copyOf(members);
	}

}
