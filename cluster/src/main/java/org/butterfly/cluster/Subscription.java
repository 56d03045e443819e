package org.butterfly.cluster;

/** A node's subscription to the {@link ClusterBus}; closing it stops the deliveries. */
public interface Subscription extends AutoCloseable {

	/**
	 * Whether deliveries can arrive now: false while a PostgreSQL listener reconnects.
	 */
	default boolean isConnected() {
		return true;
	}

	/** Stops the deliveries; idempotent. */
	@Override
	void close();

}
