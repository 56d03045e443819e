package org.butterfly.admin.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.Subscription;

/**
 * Stands in for a notification node on the in-memory bus: sessions claimed through it
 * live on its node, and it records every event the bus brings.
 */
public final class EventRecorder implements AutoCloseable {

	public static final String NODE = "ns_recorder";

	private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();

	private final SessionDirectory sessions;

	private final Subscription subscription;

	public EventRecorder(ClusterBus bus, SessionDirectory sessions) {
		this.sessions = sessions;
		this.subscription = bus.subscribe(NODE, this.events::addAll);
	}

	/** Puts a live session for the account on this node. */
	public void online(String email, String status, String dialect) {
		this.sessions.claim(new OnlineSession(email, email + "-session", NODE, status, "Name%20" + email.charAt(0),
				dialect, Instant.now()));
	}

	public void offline(String email) {
		this.sessions.release(email, email + "-session");
	}

	/** The events so far, for one account (broadcasts excluded). */
	public List<ClusterEvent> eventsFor(String email) {
		List<ClusterEvent> mine = new ArrayList<>();
		for (ClusterEvent event : this.events) {
			if (event instanceof ClusterEvent.ForAccount forAccount && forAccount.account().equals(email)) {
				mine.add(event);
			}
		}
		return mine;
	}

	public List<ClusterEvent> all() {
		return List.copyOf(this.events);
	}

	/**
	 * Waits a little for events that travel on another thread (they do not in memory).
	 */
	public List<ClusterEvent> awaitFor(String email, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (eventsFor(email).size() < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		return eventsFor(email);
	}

	@Override
	public void close() {
		this.subscription.close();
	}

}
