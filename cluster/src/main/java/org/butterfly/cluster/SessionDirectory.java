package org.butterfly.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is online, on which node, with which status: at most one session per account in the
 * whole cluster (ARCHITECTURE §4, §5). The node holding a connection is the only writer
 * of its row; expired nodes' rows are removed by {@link NodeRegistry#reapExpired}.
 * <p>
 * Thread-safe; every method is a short blocking call (a database round trip in the
 * PostgreSQL implementation): never call it on a Netty event loop. Each method is atomic:
 * of two concurrent {@link #claim}s of one account, exactly one replaces the other.
 */
public interface SessionDirectory {

	/**
	 * Makes {@code session} the account's one live session.
	 * @param session the new session
	 * @return the session it replaced, which its node must now close with {@code OUT OTH}
	 */
	Optional<OnlineSession> claim(OnlineSession session);

	/**
	 * Forgets the session if it is still the account's live one.
	 * @param account the handle
	 * @param sessionId the session
	 * @return {@code false} when another session has claimed the account since, or it was
	 * removed already
	 */
	boolean release(String account, String sessionId);

	/**
	 * Records the session's new status and friendly name, if it is still the account's
	 * live one.
	 * @param account the handle
	 * @param sessionId the session
	 * @param status the MSNP status code
	 * @param friendlyName the friendly name in wire form
	 * @return whether the session is still current
	 */
	boolean update(String account, String sessionId, String status, String friendlyName);

	/**
	 * The account's live session.
	 * @param account the handle
	 * @return the session, if the account is online
	 */
	Optional<OnlineSession> find(String account);

	/**
	 * The live sessions of several accounts, in one round trip.
	 * @param accounts handles
	 * @return the online ones, by handle
	 */
	Map<String, OnlineSession> find(Collection<String> accounts);

	/**
	 * Every live session, ordered by account: for the admin API's session listing.
	 * @return the sessions
	 */
	List<OnlineSession> online();

}
