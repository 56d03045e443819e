package org.butterfly.notification.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.ClusterReceiver;
import org.butterfly.cluster.EventRouter;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.protocol.vocab.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's live sessions, kept in step with the cluster's {@link SessionDirectory}: at
 * most one notification session per account in the whole cluster (ARCHITECTURE §5,
 * docs/adr/0300). Its {@link #receive} takes the batches the bus delivers to this node
 * (through {@code ClusterPresence}) and hands each event to its recipient session.
 * <p>
 * Thread-safe. Methods that consult the directory block (a database round trip with
 * PostgreSQL), so they run on session executors, never on event loops. Events always run
 * on the recipient session's own executor, never on the caller's thread; events for a
 * session on this node are handed over directly, the others travel over the bus, so each
 * sender's events reach a recipient in order.
 */
public final class SessionRegistry implements ClusterReceiver {

	private static final Logger logger = LoggerFactory.getLogger(SessionRegistry.class);

	private final ConcurrentMap<String, NotificationSession> sessions = new ConcurrentHashMap<>();

	/** Sessions that ended while the directory was unreachable. */
	private final Queue<NotificationSession> unreleased = new ConcurrentLinkedQueue<>();

	private final String node;

	private final SessionDirectory directory;

	private final ClusterBus bus;

	private final EventRouter router;

	private final SessionEventReceiver receiver;

	/**
	 * @param node this node's id
	 * @param directory the cluster's sessions
	 * @param bus the cluster bus, subscribed for {@code node}
	 * @param receiver turns events into lines
	 */
	public SessionRegistry(String node, SessionDirectory directory, ClusterBus bus, SessionEventReceiver receiver) {
		this.node = node;
		this.directory = directory;
		this.bus = bus;
		this.router = new EventRouter(directory, bus);
		this.receiver = receiver;
	}

	/** This node's id in the cluster. */
	public String node() {
		return this.node;
	}

	/**
	 * Makes {@code session} the account's one live session. A previous session of the
	 * account, here or on another node, receives {@code SignedInElsewhere}.
	 * @return whether a previous session was replaced
	 */
	public boolean claim(NotificationSession session) {
		NotificationSession previousHere = this.sessions.put(session.handle(), session);
		Optional<OnlineSession> replaced = this.directory.claim(online(session));
		boolean tookOver = false;
		if (previousHere != null && previousHere != session) {
			hand(previousHere, new ClusterEvent.SignedInElsewhere(session.handle(), idOf(previousHere)));
			tookOver = true;
		}
		if (replaced.isPresent() && !replaced.get().node().equals(this.node)) {
			OnlineSession elsewhere = replaced.get();
			this.bus.send(elsewhere.node(),
					List.of(new ClusterEvent.SignedInElsewhere(elsewhere.account(), elsewhere.sessionId())));
			tookOver = true;
		}
		return tookOver || replaced.isPresent();
	}

	/**
	 * Forgets {@code session} if it is still the account's live session. When the
	 * directory cannot be reached, the release is kept for {@link #retryReleases}.
	 * @return {@code false} when another session has claimed the account since, or the
	 * release has to wait
	 */
	public boolean release(NotificationSession session) {
		this.sessions.remove(session.handle(), session);
		try {
			return this.directory.release(session.handle(), idOf(session));
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot release {} now ({}); retrying after the next heartbeat", session, ex.getMessage());
			this.unreleased.add(session);
			return false;
		}
	}

	/**
	 * Retries the releases that failed, e.g. while the database restarted.
	 * @return the sessions released now (their watchers have not been told)
	 */
	public List<NotificationSession> retryReleases() {
		List<NotificationSession> released = new ArrayList<>();
		for (NotificationSession session = this.unreleased.peek(); session != null; session = this.unreleased.peek()) {
			if (this.directory.release(session.handle(), idOf(session))) {
				released.add(session);
			}
			this.unreleased.remove();
		}
		return released;
	}

	/** Whether {@code session} is the account's live session. */
	public boolean isCurrent(NotificationSession session) {
		return this.sessions.get(session.handle()) == session;
	}

	/**
	 * Records the session's new status or friendly name in the directory, where other
	 * nodes read it.
	 */
	public void changed(NotificationSession session) {
		Presence presence = session.presence();
		this.directory.update(session.handle(), idOf(session), presence.status().name(), presence.friendlyName());
	}

	/** The presence of the account's live session, if it has one. */
	public Optional<Presence> presenceOf(String handle) {
		NotificationSession here = this.sessions.get(handle);
		if (here != null && here.channel().isActive()) {
			return Optional.of(here.presence());
		}
		return this.directory.find(handle).map(SessionRegistry::presence);
	}

	/** The presences of those accounts that are online, in one directory round trip. */
	public Map<String, Presence> presenceOf(Collection<String> handles) {
		Map<String, Presence> found = new HashMap<>();
		List<String> elsewhere = new ArrayList<>();
		for (String handle : handles) {
			NotificationSession here = this.sessions.get(handle);
			if (here != null && here.channel().isActive()) {
				found.put(handle, here.presence());
			}
			else {
				elsewhere.add(handle);
			}
		}
		if (!elsewhere.isEmpty()) {
			this.directory.find(elsewhere).forEach((handle, session) -> found.put(handle, presence(session)));
		}
		return found;
	}

	/** Hands each event to its recipient's live session, wherever it runs. */
	public void deliver(List<? extends ClusterEvent.ForAccount> events) {
		List<ClusterEvent.ForAccount> remote = new ArrayList<>();
		for (ClusterEvent.ForAccount event : events) {
			NotificationSession here = this.sessions.get(event.account());
			if (here != null) {
				hand(here, event);
			}
			else {
				remote.add(event);
			}
		}
		this.router.deliver(remote);
	}

	/** Hands the event to its recipient's live session, wherever it runs. */
	public void deliver(ClusterEvent.ForAccount event) {
		deliver(List.of(event));
	}

	/** Hands the event to every live session of every node. */
	public void broadcast(ClusterEvent event) {
		this.router.broadcast(event);
	}

	@Override
	public void receive(List<ClusterEvent> events) {
		for (ClusterEvent event : events) {
			if (event instanceof ClusterEvent.ForAccount addressed) {
				NotificationSession session = this.sessions.get(addressed.account());
				if (session != null && !(addressed instanceof ClusterEvent.SignedInElsewhere elsewhere
						&& !elsewhere.sessionId().equals(idOf(session)))) {
					hand(session, event);
				}
			}
			else if (event instanceof ClusterEvent.SystemMessage) {
				this.sessions.values().forEach((session) -> hand(session, event));
			}
		}
	}

	/** The live sessions of this node, e.g. for an administrative broadcast. */
	public Collection<NotificationSession> sessions() {
		return List.copyOf(this.sessions.values());
	}

	/** How many sessions this node holds: its load in the node registry. */
	public int load() {
		return this.sessions.size();
	}

	/**
	 * The session's id in the cluster's directory: node ids are new at each start, so it
	 * is unique across the cluster and over time.
	 */
	public String idOf(NotificationSession session) {
		return this.node + "/" + session.number();
	}

	private OnlineSession online(NotificationSession session) {
		Presence presence = session.presence();
		return new OnlineSession(session.handle(), idOf(session), this.node, presence.status().name(),
				presence.friendlyName(), session.dialect().name(), Instant.now());
	}

	private static Presence presence(OnlineSession session) {
		return new Presence(Status.valueOf(session.status()), session.friendlyName(), true);
	}

	private void hand(NotificationSession session, ClusterEvent event) {
		try {
			session.executor().execute(() -> this.receiver.receive(session, event));
		}
		catch (RejectedExecutionException stopped) {
			// The session's workers are gone (the server stopped): so is the session.
			this.sessions.remove(session.handle(), session);
		}
	}

}
