package org.butterfly.cluster.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.butterfly.cluster.NodeMembership;
import org.butterfly.cluster.Subscription;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The cluster as a health component ({@code cluster}), part of readiness: UP while this
 * node's heartbeats succeed (the last one is at most two intervals old) and its bus
 * subscription listens. A node whose heartbeat fails will soon be presumed dead by the
 * others, and one whose bus listener reconnects misses events: neither should take new
 * clients. An application without a membership or a subscription (the dispatch server,
 * the admin API) is UP as long as it has nothing to watch.
 */
public final class ClusterHealthIndicator implements HealthIndicator {

	private final ClusterProperties.Mode mode;

	private final List<NodeMembership> memberships;

	private final List<Subscription> subscriptions;

	private final Clock clock;

	public ClusterHealthIndicator(ClusterProperties.Mode mode, List<NodeMembership> memberships,
			List<Subscription> subscriptions, Clock clock) {
		this.mode = mode;
		this.memberships = List.copyOf(memberships);
		this.subscriptions = List.copyOf(subscriptions);
		this.clock = clock;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up().withDetail("mode", this.mode.name().toLowerCase());
		Instant now = this.clock.instant();
		for (NodeMembership membership : this.memberships) {
			Optional<Instant> last = membership.lastHeartbeat();
			health.withDetail("node", membership.id());
			health.withDetail("lastHeartbeat", last.map(Instant::toString).orElse("never"));
			Duration stale = membership.interval().multipliedBy(2);
			if (last.isEmpty() || Duration.between(last.get(), now).compareTo(stale) > 0) {
				health.down();
			}
		}
		if (!this.subscriptions.isEmpty()) {
			boolean connected = this.subscriptions.stream().allMatch(Subscription::isConnected);
			health.withDetail("busListener", connected ? "connected" : "reconnecting");
			if (!connected) {
				health.down();
			}
		}
		return health.build();
	}

}
