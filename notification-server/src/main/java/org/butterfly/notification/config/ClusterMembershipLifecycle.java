package org.butterfly.notification.config;

import org.butterfly.cluster.NodeMembership;
import org.butterfly.server.NettyServer;

import org.springframework.context.SmartLifecycle;

/**
 * Registers the node once its listener is bound and deregisters it before the listener
 * drains, so dispatch servers stop referring clients here first.
 */
final class ClusterMembershipLifecycle implements SmartLifecycle {

	private final NodeMembership membership;

	ClusterMembershipLifecycle(NodeMembership membership) {
		this.membership = membership;
	}

	@Override
	public void start() {
		this.membership.start();
	}

	@Override
	public void stop() {
		this.membership.stop();
	}

	@Override
	public boolean isRunning() {
		return this.membership.isRunning();
	}

	@Override
	public int getPhase() {
		// Started after the listener, stopped before it.
		return NettyServer.PHASE + 1;
	}

}
