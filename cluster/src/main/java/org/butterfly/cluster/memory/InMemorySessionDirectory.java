package org.butterfly.cluster.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;

/**
 * The {@link SessionDirectory} of a single process: a concurrent map from handle to
 * session. Every operation is one atomic map operation.
 */
public final class InMemorySessionDirectory implements SessionDirectory {

	private final ConcurrentMap<String, OnlineSession> sessions = new ConcurrentHashMap<>();

	@Override
	public Optional<OnlineSession> claim(OnlineSession session) {
		return Optional.ofNullable(this.sessions.put(session.account(), session))
			.filter((previous) -> !previous.sessionId().equals(session.sessionId()));
	}

	@Override
	public boolean release(String account, String sessionId) {
		OnlineSession current = this.sessions.get(account);
		return current != null && current.sessionId().equals(sessionId) && this.sessions.remove(account, current);
	}

	@Override
	public boolean update(String account, String sessionId, String status, String friendlyName) {
		OnlineSession updated = this.sessions
			.computeIfPresent(
					account, (key,
							current) -> current.sessionId().equals(sessionId) ? new OnlineSession(key, sessionId,
									current.node(), status, friendlyName, current.dialect(), current.since())
									: current);
		return updated != null && updated.sessionId().equals(sessionId);
	}

	@Override
	public Optional<OnlineSession> find(String account) {
		return Optional.ofNullable(this.sessions.get(account));
	}

	@Override
	public Map<String, OnlineSession> find(Collection<String> accounts) {
		Map<String, OnlineSession> found = new HashMap<>();
		for (String account : accounts) {
			OnlineSession session = this.sessions.get(account);
			if (session != null) {
				found.put(account, session);
			}
		}
		return found;
	}

	@Override
	public List<OnlineSession> online() {
		List<OnlineSession> all = new ArrayList<>(this.sessions.values());
		all.sort(Comparator.comparing(OnlineSession::account));
		return all;
	}

	/** Removes every session of a node; for the node registry. */
	List<OnlineSession> removeNode(String node) {
		List<OnlineSession> removed = new ArrayList<>();
		for (OnlineSession session : this.sessions.values()) {
			if (session.node().equals(node) && this.sessions.remove(session.account(), session)) {
				removed.add(session);
			}
		}
		return removed;
	}

}
