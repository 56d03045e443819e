package org.butterfly.cluster;

import java.time.Instant;

/**
 * A node of the cluster as the {@link NodeRegistry} knows it. Immutable.
 *
 * @param id unique per process start: lower-case letters, digits and {@code _}, at most
 * 40 characters (it names the node's bus channel)
 * @param role what it serves, e.g. {@link NodeRegistry#NOTIFICATION}
 * @param address where clients reach it, as {@code host:port}
 * @param load how busy it is, e.g. its number of sessions
 * @param heartbeat its last heartbeat
 * @param started when it registered
 */
public record ClusterNode(String id, String role, String address, int load, Instant heartbeat, Instant started) {

	public ClusterNode {
		requireValidId(id);
	}

	/**
	 * Checks a node id: 1-40 of {@code [a-z0-9_]}.
	 * @param id the id
	 * @return the id
	 * @throws IllegalArgumentException if it is not valid
	 */
	public static String requireValidId(String id) {
		if (!id.matches("[a-z0-9_]{1,40}")) {
			throw new IllegalArgumentException("Node ids are 1-40 of [a-z0-9_]: " + id);
		}
		return id;
	}

}
