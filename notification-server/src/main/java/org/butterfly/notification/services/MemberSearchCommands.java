package org.butterfly.notification.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.netty.util.AttributeKey;
import org.butterfly.directory.search.Member;
import org.butterfly.directory.search.MemberSearch;
import org.butterfly.directory.search.SearchCriteria;
import org.butterfly.directory.search.SearchResult;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Fnd;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.UrlEncoding;
import org.butterfly.protocol.wire.Frame;

/**
 * {@code FND}, the member directory search (msnp.md §11.8), in every dialect. The
 * criteria are {@code fname=}, {@code lname=}, {@code city=}, {@code state=},
 * {@code country=}, URL-encoded; a whole value {@code *} matches anything, other values
 * match exactly without case. Answers one {@code FND TrID i n ...} line per hit,
 * {@code FND TrID 0 0} for none, {@code 301} beyond the limit, {@code 201} for bad
 * criteria and {@code 502} when the operator disabled the directory (docs/adr/0106).
 * <p>
 * The hits of a session's last search stay on its channel: their index (1..n) may name an
 * {@code SDC}/{@code SND} target ({@link #lastResult}).
 */
public final class MemberSearchCommands implements NotificationCommands {

	private static final AttributeKey<List<String>> LAST_RESULTS = AttributeKey.valueOf(MemberSearchCommands.class,
			"lastResults");

	/** The criteria, in the order of the result lines. */
	private static final List<String> KEYS = List.of("fname", "lname", "city", "state", "country");

	/** The longest value a field holds (the directory's columns). */
	private static final int MAX_VALUE_LENGTH = 100;

	private static final String ANY = "*";

	private final MemberSearch search;

	private final boolean enabled;

	private final int maxResults;

	/**
	 * @param search the directory
	 * @param enabled whether {@code FND} searches ({@code false}: {@code 502})
	 * @param maxResults the most hits answered; more is {@code 301}
	 */
	public MemberSearchCommands(MemberSearch search, boolean enabled, int maxResults) {
		if (maxResults < 1) {
			throw new IllegalArgumentException("max-results must be positive");
		}
		this.search = search;
		this.enabled = enabled;
		this.maxResults = maxResults;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Fnd.class, this::fnd));
	}

	void fnd(NotificationSession session, Fnd command) {
		if (!this.enabled) {
			session.send(Replies.error(ErrorCode.COMMAND_DISABLED, command.trId()));
			return;
		}
		Optional<SearchCriteria> criteria = criteria(command.criteria());
		if (criteria.isEmpty()) {
			session.send(Replies.error(ErrorCode.INVALID_PARAMETER, command.trId()));
			return;
		}
		SearchResult result = this.search.search(criteria.get(), this.maxResults);
		if (result.tooMany()) {
			session.send(Replies.error(ErrorCode.TOO_MANY_RESULTS, command.trId()));
			return;
		}
		List<Member> members = result.members();
		session.channel().attr(LAST_RESULTS).set(members.stream().map(Member::handle).toList());
		if (members.isEmpty()) {
			session.send(Replies.fnd(command.trId(), 0, 0, List.of()));
			return;
		}
		List<Frame> lines = new ArrayList<>(members.size());
		for (int i = 0; i < members.size(); i++) {
			Member member = members.get(i);
			lines.add(Replies.fnd(command.trId(), i + 1, members.size(),
					List.of(field("fname", member.firstName()), field("lname", member.lastName()),
							field("city", member.city()), field("state", member.state()),
							field("country", member.country()))));
		}
		session.send(lines);
	}

	/**
	 * The handle of hit {@code index} (1..n) of the session's last {@code FND}.
	 * @param session the session
	 * @param index the result index
	 * @return the handle, or empty when there is no such hit
	 */
	public static Optional<String> lastResult(NotificationSession session, int index) {
		List<String> last = session.channel().attr(LAST_RESULTS).get();
		return (last != null && index >= 1 && index <= last.size()) ? Optional.of(last.get(index - 1))
				: Optional.empty();
	}

	/**
	 * The search the wire criteria ask for, or empty when they are bad: an unknown key, a
	 * value longer than a field, a {@code *} inside a value, no first or last name to
	 * search by, or a city or state outside the US (§11.8).
	 */
	static Optional<SearchCriteria> criteria(Map<String, String> wire) {
		if (!KEYS.containsAll(wire.keySet())) {
			return Optional.empty();
		}
		String[] values = new String[KEYS.size()];
		for (int i = 0; i < values.length; i++) {
			String value = UrlEncoding.decode(wire.getOrDefault(KEYS.get(i), ANY)).strip();
			boolean wildcard = value.equals(ANY);
			if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH || (!wildcard && value.contains(ANY))) {
				return Optional.empty();
			}
			values[i] = wildcard ? null : value;
		}
		boolean namesSomeone = values[0] != null || values[1] != null;
		boolean outsideUs = values[4] != null && !values[4].toUpperCase(Locale.ROOT).equals("US");
		if (!namesSomeone || (outsideUs && (values[2] != null || values[3] != null))) {
			return Optional.empty();
		}
		return Optional.of(new SearchCriteria(values[0], values[1], values[2], values[3], values[4]));
	}

	private static String field(String key, String value) {
		return key + "=" + ((value != null) ? UrlEncoding.encode(value) : "");
	}

}
