package org.butterfly.admin.nodes;

import java.time.Instant;

import org.butterfly.cluster.ClusterNode;

/**
 * A live node of the cluster.
 *
 * @param id the node's id (unique per process start)
 * @param role {@code ns} (notification) or {@code sb} (switchboard)
 * @param address where clients reach it, {@code host:port}
 * @param load its load at the last heartbeat (its number of sessions or rooms)
 * @param heartbeat its last heartbeat
 * @param started when it registered
 */
public record NodeView(String id, String role, String address, int load, Instant heartbeat, Instant started) {

	static NodeView of(ClusterNode node) {
		return new NodeView(node.id(), node.role(), node.address(), node.load(), node.heartbeat(), node.started());
	}

}
