package org.butterfly.cluster.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.ClusterEventCodec;
import org.butterfly.cluster.ClusterReceiver;
import org.butterfly.cluster.Subscription;

/**
 * The {@link ClusterBus} of a single process: delivers on the publisher's thread, one
 * batch at a time per subscription. Every batch goes through the
 * {@link ClusterEventCodec}, so single-node mode and unit tests catch an event that could
 * not travel between nodes.
 */
public final class InMemoryClusterBus implements ClusterBus {

	private final ClusterEventCodec codec = new ClusterEventCodec();

	private final Map<String, ClusterReceiver> receivers = new ConcurrentHashMap<>();

	@Override
	public void send(String node, List<? extends ClusterEvent> events) {
		ClusterReceiver receiver = this.receivers.get(node);
		if (receiver != null && !events.isEmpty()) {
			hand(receiver, this.codec.encode(events));
		}
	}

	@Override
	public void broadcast(ClusterEvent event) {
		String json = this.codec.encode(List.of(event));
		this.receivers.values().forEach((receiver) -> hand(receiver, json));
	}

	@Override
	public Subscription subscribe(String node, ClusterReceiver receiver) {
		if (this.receivers.putIfAbsent(node, receiver) != null) {
			throw new IllegalStateException("Node " + node + " is subscribed already");
		}
		return () -> this.receivers.remove(node, receiver);
	}

	private void hand(ClusterReceiver receiver, String json) {
		List<ClusterEvent> events = this.codec.decode(json);
		// One batch at a time per receiver, as over PostgreSQL.
		synchronized (receiver) {
			receiver.receive(events);
		}
	}

}
