package org.butterfly.cluster;

import java.util.List;

/**
 * Takes the events a {@link ClusterBus} delivers to one node.
 * <p>
 * Called by one thread at a time per subscription, in the order the batches were
 * published by each publisher; possibly on the publisher's own thread (in memory) or on
 * the bus's listener thread (PostgreSQL), so it must not block: hand the work to the
 * recipient session's executor.
 */
@FunctionalInterface
public interface ClusterReceiver {

	/**
	 * @param events one published batch, in publication order
	 */
	void receive(List<ClusterEvent> events);

	/**
	 * Deliveries resumed after an interruption (the PostgreSQL listener reconnected):
	 * events published meanwhile may be lost, so the node should re-read the state it
	 * shows its clients. Called on the same thread as {@link #receive}, before any batch
	 * published after the resumption; never for the first connection.
	 */
	default void resumed() {
	}

}
