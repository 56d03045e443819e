package org.butterfly.cluster;

/** A node's subscription to the {@link ClusterBus}; closing it stops the deliveries. */
public interface Subscription extends AutoCloseable {

	/** Stops the deliveries; idempotent. */
	@Override
	void close();

}
