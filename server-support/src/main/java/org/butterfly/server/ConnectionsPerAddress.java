package org.butterfly.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.netty.channel.Channel;

/**
 * Counts the open connections of each source address and refuses one over the limit.
 * In-JVM connections have no address and are not counted. Thread-safe; an address leaves
 * the map when its last connection closes, so the map holds only live addresses.
 */
final class ConnectionsPerAddress {

	private final int limit;

	private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

	/**
	 * @param limit connections per address; 0 for no limit
	 */
	ConnectionsPerAddress(int limit) {
		this.limit = limit;
	}

	/**
	 * Counts the channel if its address is under the limit, until the channel closes.
	 * @return whether the channel is admitted
	 */
	boolean admit(Channel channel) {
		if (this.limit == 0 || !(channel.remoteAddress() instanceof InetSocketAddress remote)) {
			return true;
		}
		InetAddress address = remote.getAddress();
		boolean[] admitted = new boolean[1];
		this.open.compute(address, (key, count) -> {
			int current = (count != null) ? count : 0;
			admitted[0] = current < this.limit;
			return admitted[0] ? current + 1 : count;
		});
		if (admitted[0]) {
			channel.closeFuture()
				.addListener((future) -> this.open.computeIfPresent(address,
						(key, count) -> (count > 1) ? count - 1 : null));
		}
		return admitted[0];
	}

	/** Open connections from an address (for tests and metrics). */
	int count(InetAddress address) {
		return this.open.getOrDefault(address, 0);
	}

}
