package org.butterfly.server;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The MSNP listeners of this application as a health component ({@code listener}), part
 * of readiness: DOWN before they start and from the moment they stop accepting, so a
 * draining node (sending {@code OUT SSD}, waiting for its clients to leave) is taken out
 * of rotation while it still answers probes.
 */
public final class ListenerHealthIndicator implements HealthIndicator {

	private final List<NettyServer> servers;

	public ListenerHealthIndicator(List<NettyServer> servers) {
		this.servers = List.copyOf(servers);
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		for (NettyServer server : this.servers) {
			if (server.isAccepting()) {
				health.withDetail(server.role(), "accepting");
			}
			else {
				health.down().withDetail(server.role(), server.isRunning() ? "draining" : "stopped");
			}
		}
		return health.build();
	}

}
