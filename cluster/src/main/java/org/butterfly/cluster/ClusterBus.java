package org.butterfly.cluster;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries {@link ClusterEvent}s between nodes (ARCHITECTURE §5). Routing by account is
 * the {@link EventRouter}'s job; the bus only knows nodes.
 * <p>
 * Guarantees: thread-safe. Batches from one publishing thread to one node are received in
 * publication order. A batch is delivered at most once to each subscription that was
 * listening when it was published; a subscription that is down (e.g. while the database
 * restarts) misses what is published meanwhile, which is why events are facts that the
 * next change supersedes, and why what must not be lost (list changes, notifications)
 * lives in the directory's tables. Publish after the change the events describe has
 * committed: receivers may read it back.
 */
public interface ClusterBus {

	/**
	 * Sends a batch to one node; does nothing for an empty batch or a node nobody listens
	 * for.
	 * @param node the receiving node's id
	 * @param events the batch
	 */
	void send(String node, List<? extends ClusterEvent> events);

	/**
	 * Sends an event to every subscribed node, this one included.
	 * @param event the event
	 */
	void broadcast(ClusterEvent event);

	/**
	 * Starts delivering the batches sent to {@code node}, and every broadcast, to the
	 * receiver. Returns once deliveries are set up, so anything published afterwards
	 * reaches it. One subscription per node.
	 * @param node this node's id
	 * @param receiver where batches go
	 * @return the subscription, to close on shutdown
	 */
	Subscription subscribe(String node, ClusterReceiver receiver);

	/**
	 * Reports, for each batch received from now on, how long it took from publication to
	 * reception (across machines this includes their clock difference). The in-memory bus
	 * has no lag to report.
	 * @param observer told on the receiving thread
	 */
	default void measureLag(Consumer<Duration> observer) {
	}

}
