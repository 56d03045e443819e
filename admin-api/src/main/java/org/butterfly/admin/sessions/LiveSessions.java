package org.butterfly.admin.sessions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.EventRouter;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.contacts.PhoneKey;
import org.butterfly.protocol.vocab.Dialect;

/**
 * The admin API's only way to reach live sessions: it reads the cluster's session
 * directory and publishes events through the bus to the node holding each session
 * (ARCHITECTURE §5). Call it after the change the events describe has committed. Events
 * for accounts that are offline are dropped: what must not be lost (list versions, queued
 * notifications) is in the directory already.
 */
public class LiveSessions {

	/** The keys {@code BPR} carries, in its order (msnp.md §11.2). */
	private static final List<PhoneKey> BPR_KEYS = List.of(PhoneKey.PHH, PhoneKey.PHW, PhoneKey.PHM, PhoneKey.MOB);

	/** Who changed what, for operators; never passwords, tokens or documents. */
	private static final Logger audit = LoggerFactory.getLogger("butterfly.admin.audit");

	private static final Logger logger = LoggerFactory.getLogger(LiveSessions.class);

	private final SessionDirectory directory;

	private final EventRouter router;

	public LiveSessions(SessionDirectory directory, EventRouter router) {
		this.directory = directory;
		this.router = router;
	}

	/** Every live session, ordered by account. */
	public List<OnlineSession> online() {
		return this.directory.online();
	}

	/** The account's live session, if it is online. */
	public Optional<OnlineSession> find(String email) {
		return this.directory.find(email.toLowerCase(Locale.ROOT));
	}

	/** The live sessions of these accounts, by lower-case address: one query. */
	public Map<String, OnlineSession> find(Collection<String> emails) {
		return this.directory.find(emails.stream().map((email) -> email.toLowerCase(Locale.ROOT)).toList());
	}

	/**
	 * Whether the session takes {@code NOT} now: MSNP5 or later and past its first
	 * {@code CHG} (msnp.md §11.6 POLICY); otherwise the document waits for the next
	 * sign-in.
	 */
	public static boolean takesNotifications(OnlineSession session) {
		return Dialect.fromToken(session.dialect()).map((dialect) -> dialect.atLeast(Dialect.MSNP5)).orElse(false)
				&& !"FLN".equals(session.status());
	}

	/** Ends the account's session with {@code OUT}, wherever it runs. */
	public void kick(String email) {
		audit.info("Session of {} ended by an operator", email.toLowerCase(Locale.ROOT));
		send(() -> this.router.deliver(new ClusterEvent.Kick(email.toLowerCase(Locale.ROOT))));
	}

	/**
	 * Tells the account's node that a notification was queued for it.
	 * @return whether the bus took the event; if not, the notification stays queued for
	 * the next sign-in
	 */
	public boolean notificationQueued(String email, long id) {
		return notificationsQueued(Map.of(email, id));
	}

	/**
	 * Tells the nodes of these accounts that notifications were queued for them: one bus
	 * message per node.
	 * @param queued notification ids by account
	 * @return whether the bus took the events; if not, they stay queued for the next
	 * sign-in
	 */
	public boolean notificationsQueued(Map<String, Long> queued) {
		List<ClusterEvent.NotificationPushed> events = new ArrayList<>(queued.size());
		queued.forEach(
				(email, id) -> events.add(new ClusterEvent.NotificationPushed(email.toLowerCase(Locale.ROOT), id)));
		return send(() -> this.router.deliver(events));
	}

	/** The maintenance message (msnp.md §5.7) to every node. */
	public void systemMessage(int minutes) {
		audit.info("Shutdown announced in {} minutes", minutes);
		send(() -> this.router.broadcast(new ClusterEvent.SystemMessage(minutes)));
	}

	/**
	 * Publishes what a committed directory change means for other accounts: list and
	 * phone changes as they are, presence checks resolved against the owner's live
	 * presence (a watcher's node sends {@code NLN} or {@code FLN} only if its client
	 * shows something else, so over-telling is harmless, docs/adr/0300).
	 * @param effects the directory's effects
	 * @param extra events to send in the same batch, after the effects
	 */
	public void publish(List<ListEffect> effects, List<? extends ClusterEvent.ForAccount> extra) {
		publish(effects, extra, Map.of());
	}

	/**
	 * Publishes like {@link #publish(List, List)}, with friendly names newer than the
	 * session directory's (an account renamed by this request).
	 * @param effects the directory's effects
	 * @param extra events to send in the same batch, after the effects
	 * @param names wire-form friendly names by handle, preferred over the sessions' own
	 */
	public void publish(List<ListEffect> effects, List<? extends ClusterEvent.ForAccount> extra,
			Map<String, String> names) {
		List<String> owners = effects.stream()
			.filter(ListEffect.PresenceCheck.class::isInstance)
			.map((effect) -> ((ListEffect.PresenceCheck) effect).owner())
			.distinct()
			.toList();
		Map<String, OnlineSession> live = owners.isEmpty() ? Map.of() : this.directory.find(owners);
		List<ClusterEvent.ForAccount> events = new ArrayList<>();
		for (ListEffect effect : effects) {
			events.add(eventOf(effect, live, names));
		}
		events.addAll(extra);
		send(() -> this.router.deliver(events));
	}

	/**
	 * Publishes after the change has committed: a bus failure must not turn a committed
	 * change into an error the operator would retry. Clients catch up at their next SYN.
	 */
	private static boolean send(Runnable publication) {
		try {
			publication.run();
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Publishing to the cluster bus failed; live sessions catch up at their next sign-in", ex);
			return false;
		}
	}

	/**
	 * What {@code watcher} may now see of {@code owner}, from the owner's live session.
	 * @param watcher who is told
	 * @param owner whose presence it is
	 * @param allowed {@code allowedBy(owner, watcher)}
	 * @return the event
	 */
	public ClusterEvent.PresenceChanged presenceFor(String watcher, String owner, boolean allowed) {
		return presence(watcher, owner, allowed, this.directory.find(owner).orElse(null));
	}

	private static ClusterEvent.ForAccount eventOf(ListEffect effect, Map<String, OnlineSession> live,
			Map<String, String> names) {
		if (effect instanceof ListEffect.EntryAdded added) {
			return new ClusterEvent.EntryAdded(added.account(), added.list().name(), added.version(), added.handle(),
					added.name());
		}
		if (effect instanceof ListEffect.EntryRemoved removed) {
			return new ClusterEvent.EntryRemoved(removed.account(), removed.list().name(), removed.version(),
					removed.handle());
		}
		if (effect instanceof ListEffect.PhonesChanged phones) {
			Map<String, String> changed = new LinkedHashMap<>();
			for (PhoneKey key : BPR_KEYS) {
				if (phones.changed().contains(key)) {
					changed.put(key.name(), phones.view().value(key));
				}
			}
			return new ClusterEvent.PhonesChanged(phones.account(), phones.version(), phones.owner(), changed);
		}
		ListEffect.PresenceCheck check = (ListEffect.PresenceCheck) effect;
		ClusterEvent.PresenceChanged presence = presence(check.account(), check.owner(), check.allowed(),
				live.get(check.owner()));
		String name = names.get(check.owner());
		if (presence.status() == null || name == null) {
			return presence;
		}
		return new ClusterEvent.PresenceChanged(presence.account(), presence.owner(), presence.status(), name);
	}

	private static ClusterEvent.PresenceChanged presence(String watcher, String owner, boolean allowed,
			OnlineSession session) {
		if (session == null || !session.visible() || !allowed) {
			return new ClusterEvent.PresenceChanged(watcher, owner, null, null);
		}
		return new ClusterEvent.PresenceChanged(watcher, owner, session.status(), session.friendlyName());
	}

}
