package org.butterfly.dispatch.referral;

import java.util.List;

import org.butterfly.server.AdvertisedAddress;

/**
 * Refers clients to a fixed list of notification servers, by a hash of the handle: the
 * same handle always lands on the same node, on every dispatch server of the cluster
 * ({@link String#hashCode()} is specified), as the original service did (msnp.md §4).
 * Immutable.
 */
public final class StaticNotificationNodeSelector implements NotificationNodeSelector {

	private final List<AdvertisedAddress> nodes;

	public StaticNotificationNodeSelector(List<AdvertisedAddress> nodes) {
		if (nodes.isEmpty()) {
			throw new IllegalArgumentException("at least one notification server is needed");
		}
		this.nodes = List.copyOf(nodes);
	}

	@Override
	public AdvertisedAddress select(String handle) {
		return this.nodes.get(Math.floorMod(handle.hashCode(), this.nodes.size()));
	}

}
