package org.butterfly.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's life in the {@link NodeRegistry}: registers on {@link #start}, then on its
 * own thread heartbeats with the node's load every interval and reaps expired nodes,
 * handing the sessions they held to a callback (which tells their watchers they went
 * offline); {@link #stop} deregisters. A failed heartbeat (database down) is logged and
 * retried at the next interval. A node found reaped registers again and is told, so it
 * can end the sessions the cluster has forgotten (their watchers were told they went
 * offline).
 * <p>
 * A node reaps only after it has heartbeaten without failure for one whole expiry: after
 * a database outage every node gets that long to heartbeat again before any is presumed
 * dead, so an outage longer than the expiry does not make the nodes reap each other
 * (docs/adr/0502).
 */
public final class NodeMembership {

	private static final Logger logger = LoggerFactory.getLogger(NodeMembership.class);

	private final NodeRegistry registry;

	private final String id;

	private final String role;

	private final Supplier<String> address;

	private final IntSupplier load;

	private final Duration interval;

	private final Listener listener;

	private final Duration expiry;

	private ScheduledExecutorService timer;

	/** When the last heartbeat (or the registration) succeeded; null before. */
	private volatile Instant lastHeartbeat;

	/** When the current run of successful heartbeats began; {@code 0} after a failure. */
	private long healthySince;

	/**
	 * @param registry the registry
	 * @param id this node's id
	 * @param role its role
	 * @param address where clients reach it, read when registering
	 * @param load its load, read at each heartbeat
	 * @param interval time between heartbeats
	 * @param expiry the registry's expiry
	 * @param listener told what happens, on the heartbeat thread
	 */
	public NodeMembership(NodeRegistry registry, String id, String role, Supplier<String> address, IntSupplier load,
			Duration interval, Duration expiry, Listener listener) {
		this.registry = registry;
		this.id = id;
		this.role = role;
		this.address = address;
		this.load = load;
		this.interval = interval;
		this.expiry = expiry;
		this.listener = listener;
	}

	/** This node's id. */
	public String id() {
		return this.id;
	}

	/**
	 * When the node last heartbeat (or registered) successfully; empty before it started.
	 * Its health: a node that cannot heartbeat is soon presumed dead by the others.
	 */
	public Optional<Instant> lastHeartbeat() {
		return Optional.ofNullable(this.lastHeartbeat);
	}

	/** The time between heartbeats. */
	public Duration interval() {
		return this.interval;
	}

	/** Registers the node and starts heartbeating. */
	public synchronized void start() {
		this.registry.register(this.id, this.role, this.address.get());
		this.lastHeartbeat = Instant.now();
		this.healthySince = System.nanoTime();
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "cluster-heartbeat-" + this.id);
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.timer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** Whether the node heartbeats. */
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

	/**
	 * Stops heartbeating and deregisters: a graceful stop. When the registry cannot be
	 * reached, the node is left to expire.
	 */
	public void stop() {
		if (halt()) {
			try {
				this.listener.ended(this.registry.deregister(this.id));
			}
			catch (RuntimeException ex) {
				logger.warn("Node {} could not deregister; it will expire instead", this.id, ex);
			}
		}
	}

	/**
	 * Stops heartbeating without deregistering, as a crash would: the other nodes reap
	 * this one once its heartbeat expires.
	 * @return whether it was running
	 */
	public synchronized boolean halt() {
		if (this.timer == null) {
			return false;
		}
		this.timer.shutdownNow();
		try {
			this.timer.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.timer = null;
		return true;
	}

	/** One heartbeat and reap; public for tests that drive time themselves. */
	public void beat() {
		try {
			if (!this.registry.heartbeat(this.id, this.load.getAsInt())) {
				logger.warn("Node {} was presumed dead by the cluster; registering again", this.id);
				this.registry.register(this.id, this.role, this.address.get());
				this.listener.rejoined();
			}
			this.lastHeartbeat = Instant.now();
			this.listener.alive();
			long now = System.nanoTime();
			if (this.healthySince == 0) {
				this.healthySince = now;
			}
			if (!this.listener.reapsExpiredNodes() || now - this.healthySince < this.expiry.toNanos()) {
				return;
			}
			List<OnlineSession> reaped = this.registry.reapExpired();
			if (!reaped.isEmpty()) {
				logger.info("Node {} removed {} sessions of expired nodes", this.id, reaped.size());
				this.listener.ended(reaped);
			}
		}
		catch (RuntimeException ex) {
			this.healthySince = 0;
			logger.warn("Heartbeat of node {} failed; retrying in {}", this.id, this.interval, ex);
		}
	}

	/** What a node hears about its membership; called on the heartbeat thread. */
	public interface Listener {

		/**
		 * This node removed sessions from the directory: those of expired nodes, or its
		 * own that remained when it deregistered. Their watchers must hear they went
		 * offline.
		 * @param sessions the removed sessions
		 */
		void ended(List<OnlineSession> sessions);

		/**
		 * This node had been presumed dead and has registered again: the sessions it
		 * holds are no longer in the directory.
		 */
		default void rejoined() {
		}

		/**
		 * A heartbeat succeeded: the database is reachable, e.g. to retry what failed
		 * while it was not.
		 */
		default void alive() {
		}

		/**
		 * Whether this node removes expired nodes and their sessions. Only a node that
		 * can tell the sessions' watchers they went offline (a notification server)
		 * should: the sessions a reap removes are handed to no one else.
		 * @return {@code true} unless overridden
		 */
		default boolean reapsExpiredNodes() {
			return true;
		}

	}

}
