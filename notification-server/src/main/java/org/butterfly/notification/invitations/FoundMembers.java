package org.butterfly.notification.invitations;

import java.util.List;
import java.util.Optional;

import io.netty.util.AttributeKey;
import org.butterfly.notification.session.NotificationSession;

/**
 * The handles of the last {@code FND} results of a session, which {@code SDC}/{@code SND}
 * may name by index (1..n, msnp.md §11.3, §11.8). {@code FND} calls {@link #remember}
 * with its hits; until it does, every index is unknown. Used on the session's executor
 * only.
 */
public final class FoundMembers {

	private static final AttributeKey<List<String>> KEY = AttributeKey.valueOf(FoundMembers.class, "hits");

	private FoundMembers() {
	}

	/**
	 * Replaces the session's results with the handles of a new search, in result order.
	 * @param session the searching session
	 * @param handles the hits; result {@code i} is {@code handles.get(i - 1)}
	 */
	public static void remember(NotificationSession session, List<String> handles) {
		session.channel().attr(KEY).set(List.copyOf(handles));
	}

	/**
	 * The handle of result {@code index} of the session's last search.
	 * @param session the session
	 * @param index from 1
	 * @return the handle, or empty without such a result
	 */
	public static Optional<String> byIndex(NotificationSession session, int index) {
		List<String> hits = session.channel().attr(KEY).get();
		return (hits == null || index < 1 || index > hits.size()) ? Optional.empty() : Optional.of(hits.get(index - 1));
	}

}
