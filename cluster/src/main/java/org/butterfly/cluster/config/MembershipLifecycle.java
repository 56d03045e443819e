package org.butterfly.cluster.config;

import org.butterfly.cluster.NodeMembership;

import org.springframework.context.SmartLifecycle;

/**
 * Runs a {@link NodeMembership} with the application: registers the node once its
 * listener is bound and deregisters it before the listener drains, so no client is sent
 * to a node that is not listening yet or is going away.
 */
public final class MembershipLifecycle implements SmartLifecycle {

	private final NodeMembership membership;

	private final int phase;

	/**
	 * @param membership the node's membership
	 * @param listenerPhase the lifecycle phase of the node's listener: the membership
	 * starts after it and stops before it
	 */
	public MembershipLifecycle(NodeMembership membership, int listenerPhase) {
		this.membership = membership;
		this.phase = listenerPhase + 1;
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
		return this.phase;
	}

}
