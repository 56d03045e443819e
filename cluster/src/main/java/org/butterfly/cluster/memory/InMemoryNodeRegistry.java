package org.butterfly.cluster.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.OnlineSession;

/**
 * The {@link NodeRegistry} of a single process, sharing its sessions with an
 * {@link InMemorySessionDirectory}; time comes from a {@link Clock}, so tests can move
 * it.
 */
public final class InMemoryNodeRegistry implements NodeRegistry {

	private final Map<String, ClusterNode> nodes = new ConcurrentHashMap<>();

	private final InMemorySessionDirectory sessions;

	private final Clock clock;

	private final Duration expiry;

	/**
	 * @param sessions the directory whose sessions die with their node
	 * @param clock the time of heartbeats
	 * @param expiry how old a heartbeat may get before its node is presumed dead
	 */
	public InMemoryNodeRegistry(InMemorySessionDirectory sessions, Clock clock, Duration expiry) {
		this.sessions = sessions;
		this.clock = clock;
		this.expiry = expiry;
	}

	@Override
	public void register(String id, String role, String address) {
		Instant now = this.clock.instant();
		this.nodes.put(id, new ClusterNode(id, role, address, 0, now, now));
	}

	@Override
	public boolean heartbeat(String id, int load) {
		return this.nodes.computeIfPresent(id, (key, node) -> new ClusterNode(key, node.role(), node.address(), load,
				this.clock.instant(), node.started())) != null;
	}

	@Override
	public List<OnlineSession> deregister(String id) {
		this.nodes.remove(id);
		return this.sessions.removeNode(id);
	}

	@Override
	public List<ClusterNode> live(String role) {
		Instant oldest = this.clock.instant().minus(this.expiry);
		List<ClusterNode> live = new ArrayList<>();
		for (ClusterNode node : this.nodes.values()) {
			if (node.role().equals(role) && !node.heartbeat().isBefore(oldest)) {
				live.add(node);
			}
		}
		live.sort(Comparator.comparingInt(ClusterNode::load).thenComparing(ClusterNode::id));
		return live;
	}

	/** Every registered node, expired or not; for tests. */
	List<ClusterNode> nodes() {
		return List.copyOf(this.nodes.values());
	}

	@Override
	public List<OnlineSession> reapExpired() {
		Instant oldest = this.clock.instant().minus(this.expiry);
		List<OnlineSession> removed = new ArrayList<>();
		for (ClusterNode node : this.nodes.values()) {
			// remove(key, value) lets exactly one concurrent caller reap each node.
			if (node.heartbeat().isBefore(oldest) && this.nodes.remove(node.id(), node)) {
				removed.addAll(this.sessions.removeNode(node.id()));
			}
		}
		return removed;
	}

}
