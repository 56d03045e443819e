package org.butterfly.dispatch.referral;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.server.AdvertisedAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refers each client to the least-loaded live notification node of the
 * {@link NodeRegistry} (ARCHITECTURE §1). The registry is read on a timer thread, never
 * on a dispatch worker; between reads the referrals made since the last read count as
 * load, so a burst of sign-ins spreads across the nodes instead of piling onto one. A
 * node whose heartbeat expired is dropped at the next read (docs/adr/0502). Thread-safe.
 */
public final class RegistryNotificationNodeSelector implements NotificationNodeSelector, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RegistryNotificationNodeSelector.class);

	private final NodeRegistry registry;

	private final boolean allowHostnames;

	private final ScheduledExecutorService timer;

	private Candidate[] candidates = new Candidate[0];

	/**
	 * Reads the registry once, then every {@code refresh}.
	 * @param registry the node registry
	 * @param refresh time between reads
	 * @param allowHostnames whether advertised addresses may be host names
	 */
	public RegistryNotificationNodeSelector(NodeRegistry registry, Duration refresh, boolean allowHostnames) {
		this.registry = registry;
		this.allowHostnames = allowHostnames;
		refresh();
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ds-node-registry");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized AdvertisedAddress select(String handle) {
		Candidate best = null;
		for (Candidate candidate : this.candidates) {
			if (best == null || candidate.load < best.load) {
				best = candidate;
			}
		}
		if (best == null) {
			throw new NoNotificationNodeException("no live notification server in the registry");
		}
		best.load++;
		return best.address;
	}

	/**
	 * Reads the live nodes and their load; keeps the last read when the registry fails.
	 */
	public void refresh() {
		try {
			List<ClusterNode> live = this.registry.live(NodeRegistry.NOTIFICATION);
			Candidate[] read = live.stream()
				.map((node) -> new Candidate(AdvertisedAddress.parse(node.address(), this.allowHostnames), node.load()))
				.toArray(Candidate[]::new);
			synchronized (this) {
				this.candidates = read;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot read the node registry; keeping the last {} nodes", this.candidates.length, ex);
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	private static final class Candidate {

		private final AdvertisedAddress address;

		private int load;

		Candidate(AdvertisedAddress address, int load) {
			this.address = address;
			this.load = load;
		}

	}

}
