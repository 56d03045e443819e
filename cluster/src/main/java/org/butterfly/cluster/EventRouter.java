package org.butterfly.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers events to the nodes holding their recipients' sessions: one
 * {@link SessionDirectory} look-up for the whole batch, then one bus message per node
 * (ARCHITECTURE §5). Events for accounts that are offline are dropped. Thread-safe;
 * blocking (a directory round trip), so never call it on a Netty event loop.
 */
public final class EventRouter {

	private final SessionDirectory sessions;

	private final ClusterBus bus;

	public EventRouter(SessionDirectory sessions, ClusterBus bus) {
		this.sessions = sessions;
		this.bus = bus;
	}

	/**
	 * Sends each event to the node of its recipient's live session, keeping the batch's
	 * order per node.
	 * @param events the events
	 */
	public void deliver(List<? extends ClusterEvent.ForAccount> events) {
		if (events.isEmpty()) {
			return;
		}
		Set<String> accounts = new LinkedHashSet<>();
		events.forEach((event) -> accounts.add(event.account()));
		Map<String, OnlineSession> online = this.sessions.find(accounts);
		Map<String, List<ClusterEvent>> byNode = new LinkedHashMap<>();
		for (ClusterEvent.ForAccount event : events) {
			OnlineSession session = online.get(event.account());
			if (session != null) {
				byNode.computeIfAbsent(session.node(), (node) -> new ArrayList<>()).add(event);
			}
		}
		byNode.forEach(this.bus::send);
	}

	/**
	 * Sends one event to the node of its recipient's live session.
	 * @param event the event
	 */
	public void deliver(ClusterEvent.ForAccount event) {
		deliver(List.of(event));
	}

	/**
	 * Sends an event to every node.
	 * @param event the event
	 */
	public void broadcast(ClusterEvent event) {
		this.bus.broadcast(event);
	}

}
