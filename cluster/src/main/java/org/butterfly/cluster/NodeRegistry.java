package org.butterfly.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The live nodes of the cluster (ARCHITECTURE §5): each node registers, heartbeats with
 * its load, and deregisters on a graceful stop. A node whose last heartbeat is older than
 * the registry's expiry is presumed dead: it is no longer listed, and the first survivor
 * that calls {@link #reapExpired} removes it with its sessions.
 * <p>
 * Thread-safe; every method is a short blocking call: never call it on a Netty event
 * loop.
 */
public interface NodeRegistry {

	/** The role of notification servers. */
	String NOTIFICATION = "ns";

	/** The role of switchboard servers. */
	String SWITCHBOARD = "sb";

	/**
	 * Registers (or re-registers) a node, with a heartbeat now.
	 * @param id the node's id, see {@link ClusterNode#id()}
	 * @param role its role
	 * @param address where clients reach it, {@code host:port}
	 */
	void register(String id, String role, String address);

	/**
	 * Records that the node is alive, with its current load.
	 * @param id the node
	 * @param load its load
	 * @return {@code false} when the node is not registered (it was presumed dead and
	 * reaped, or never registered): it should register again
	 */
	boolean heartbeat(String id, int load);

	/**
	 * Removes the node and its remaining sessions (graceful stop).
	 * @param id the node
	 * @return the sessions removed with it
	 */
	List<OnlineSession> deregister(String id);

	/**
	 * The nodes of a role whose heartbeat has not expired.
	 * @param role the role
	 * @return the live nodes, least loaded first
	 */
	List<ClusterNode> live(String role);

	/**
	 * The live node of a role with the smallest load.
	 * @param role the role
	 * @return the node, if any is live
	 */
	default Optional<ClusterNode> leastLoaded(String role) {
		return live(role).stream().min(Comparator.comparingInt(ClusterNode::load));
	}

	/**
	 * Removes every expired node and the sessions it held. Each removed session is
	 * returned to exactly one caller in the cluster, which tells its watchers it went
	 * offline.
	 * @return the sessions removed by this call
	 */
	List<OnlineSession> reapExpired();

}
