package org.butterfly.cluster.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.ClusterContract;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.Subscription;

/** The in-memory implementations pass the cluster contract. */
class InMemoryClusterTest implements ClusterContract {

	private final MovableClock clock = new MovableClock();

	private final InMemorySessionDirectory sessions = new InMemorySessionDirectory();

	private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry(this.sessions, this.clock,
			Duration.ofSeconds(10));

	private final InMemoryClusterBus bus = new InMemoryClusterBus();

	private final List<Subscription> subscriptions = new ArrayList<>();

	@Override
	public ClusterBus bus() {
		return this.bus;
	}

	@Override
	public SessionDirectory sessions() {
		return this.sessions;
	}

	@Override
	public NodeRegistry registry() {
		return this.registry;
	}

	@Override
	public void expire(String node) {
		// Time passes; every other node heartbeats meanwhile, this one does not.
		this.clock.advance(Duration.ofSeconds(11));
		for (ClusterNode other : this.registry.nodes()) {
			if (!other.id().equals(node)) {
				this.registry.heartbeat(other.id(), other.load());
			}
		}
	}

	@Override
	public List<Subscription> subscriptions() {
		return this.subscriptions;
	}

	/** A clock the test moves. */
	static final class MovableClock extends java.time.Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
