package org.butterfly.cluster;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something one node tells another: facts, never wire lines. The receiving node turns
 * each event into lines for the recipient session's own dialect and state, and
 * de-duplicates against what its client already shows, so every event is safe to deliver
 * more than once (docs/adr/0300).
 * <p>
 * Events are small immutable records that travel as JSON with a type tag
 * ({@link ClusterEventCodec}): they carry handles, ids and short fields, never contact
 * lists. Handles are lower-case e-mail addresses; statuses are the three-letter MSNP
 * codes ({@code NLN}, {@code BSY}, ...), so this module does not depend on the protocol
 * code.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ClusterEvent.PresenceChanged.class, name = "presence"),
		@JsonSubTypes.Type(value = ClusterEvent.EntryAdded.class, name = "added"),
		@JsonSubTypes.Type(value = ClusterEvent.EntryRemoved.class, name = "removed"),
		@JsonSubTypes.Type(value = ClusterEvent.PhonesChanged.class, name = "phones"),
		@JsonSubTypes.Type(value = ClusterEvent.SignedInElsewhere.class, name = "elsewhere"),
		@JsonSubTypes.Type(value = ClusterEvent.NotificationPushed.class, name = "notice"),
		@JsonSubTypes.Type(value = ClusterEvent.Kick.class, name = "kick"),
		@JsonSubTypes.Type(value = ClusterEvent.Ring.class, name = "ring"),
		@JsonSubTypes.Type(value = ClusterEvent.RingAnswered.class, name = "ring-answered"),
		@JsonSubTypes.Type(value = ClusterEvent.PageReceived.class, name = "page"),
		@JsonSubTypes.Type(value = ClusterEvent.SystemMessage.class, name = "system") })
public sealed interface ClusterEvent permits ClusterEvent.ForAccount, ClusterEvent.ForNode, ClusterEvent.SystemMessage {

	/**
	 * An event for one account's live session, wherever it runs; dropped when the account
	 * has none.
	 */
	sealed interface ForAccount extends ClusterEvent permits PresenceChanged, EntryAdded, EntryRemoved, PhonesChanged,
			SignedInElsewhere, NotificationPushed, Kick, Ring, PageReceived {

		/**
		 * The recipient.
		 * @return its handle
		 */
		String account();

	}

	/**
	 * An answer to one node's request, sent to that node alone; no session sees it.
	 */
	sealed interface ForNode extends ClusterEvent permits RingAnswered {

	}

	/**
	 * What {@code account} may now see of {@code owner} (msnp.md §8.4): the recipient
	 * sends {@code NLN} or {@code FLN} only when its client shows something else.
	 *
	 * @param account the watcher
	 * @param owner whose presence it is
	 * @param status the status the watcher may see, or {@code null} when the owner is not
	 * visible to it (offline, hidden, blocking it)
	 * @param friendlyName the owner's friendly name in wire form, or {@code null} with a
	 * {@code null} status
	 */
	record PresenceChanged(String account, String owner, String status, String friendlyName) implements ForAccount {
	}

	/**
	 * Someone else's change put an entry on one of {@code account}'s lists:
	 * {@code ADD 0 list version handle name} (msnp.md §9.5).
	 *
	 * @param account who is told
	 * @param list {@code FL}, {@code AL}, {@code BL} or {@code RL}
	 * @param version the account's new list version
	 * @param handle the new entry
	 * @param name its stored name in wire form
	 */
	record EntryAdded(String account, String list, long version, String handle, String name) implements ForAccount {
	}

	/**
	 * Someone else's change took an entry off one of {@code account}'s lists:
	 * {@code REM 0 list version handle} (msnp.md §9.5).
	 *
	 * @param account who is told
	 * @param list {@code FL}, {@code AL}, {@code BL} or {@code RL}
	 * @param version the account's new list version
	 * @param handle the removed entry
	 */
	record EntryRemoved(String account, String list, long version, String handle) implements ForAccount {
	}

	/**
	 * What {@code account} may see of {@code owner}'s phone properties changed:
	 * {@code BPR version owner key value} per changed key (msnp.md §11.1).
	 *
	 * @param account the watcher who is told
	 * @param version the watcher's new list version
	 * @param owner whose properties they are
	 * @param changed the changed keys ({@code PHH}, {@code PHW}, {@code PHM},
	 * {@code MOB}) in {@code BPR} order, each with its value as the watcher may now see
	 * it, or {@code null} for none
	 */
	record PhonesChanged(String account, long version, String owner,
			Map<String, String> changed) implements ForAccount {
	}

	/**
	 * The account signed in on another connection (msnp.md §5.4): the session
	 * {@code sessionId} gets {@code OUT OTH} and is closed. A newer session of the same
	 * account is left alone.
	 *
	 * @param account the account
	 * @param sessionId the replaced session ({@link OnlineSession#sessionId()})
	 */
	record SignedInElsewhere(String account, String sessionId) implements ForAccount {
	}

	/**
	 * A {@code NOT} was queued for the account (msnp.md §11.6): the receiving node reads
	 * the document from the directory's queue and marks it delivered, so it reaches the
	 * client at most once however often this event arrives.
	 *
	 * @param account the recipient
	 * @param id the queued notification
	 */
	record NotificationPushed(String account, long id) implements ForAccount {
	}

	/**
	 * An operator ends the account's session: {@code OUT} and close.
	 *
	 * @param account the account
	 */
	record Kick(String account) implements ForAccount {
	}

	/**
	 * A switchboard invitation for the callee (msnp.md §13.4, §14.2): the callee's node
	 * decides from the session's state and privacy whether it may ring, sends
	 * {@code RNG session-id address CKI cookie inviter inviter-name} if so, and answers
	 * the switchboard node with {@link RingAnswered} either way.
	 *
	 * @param account the callee
	 * @param sessionId the switchboard session
	 * @param switchboard the switchboard's {@code host:port}
	 * @param cookie the callee's ticket
	 * @param inviter the inviter's handle
	 * @param inviterName the inviter's friendly name in wire form
	 * @param replyTo the id of the switchboard node waiting for the answer
	 * @param requestId what the answer quotes
	 */
	record Ring(String account, String sessionId, String switchboard, String cookie, String inviter, String inviterName,
			String replyTo, long requestId) implements ForAccount {
	}

	/**
	 * What became of a {@link Ring}, for the switchboard node that sent it.
	 *
	 * @param requestId the ring's {@link Ring#requestId()}
	 * @param outcome {@code DELIVERED}, {@code NOT_ONLINE}, {@code NOT_ALLOWED} or
	 * {@code IMS_OFF}
	 * @param calleeName the callee's friendly name in wire form when delivered, else
	 * empty
	 */
	record RingAnswered(long requestId, String outcome, String calleeName) implements ForNode {
	}

	/**
	 * A page to the account's mobile device was accepted (msnp.md 11.5): its MSNP6+
	 * session shows it as an {@code IPG} (12.2); older sessions show nothing.
	 *
	 * @param account the paged account
	 * @param pageId the page in the outbox
	 * @param sender the sender's handle
	 * @param senderId the sender's account id (its PUID for the {@code FROM} element)
	 * @param language the LCID of the text
	 * @param text the page text, plain
	 */
	record PageReceived(String account, long pageId, String sender, long senderId, int language,
			String text) implements ForAccount {
	}

	/**
	 * The maintenance message to every online session of every node (msnp.md §5.7): the
	 * service goes down in {@code minutes}.
	 *
	 * @param minutes minutes until the shutdown
	 */
	record SystemMessage(int minutes) implements ClusterEvent {
	}

}
