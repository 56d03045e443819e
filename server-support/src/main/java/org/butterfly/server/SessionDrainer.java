package org.butterfly.server;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.wire.Frame;

/**
 * What a stopping {@link NettyServer} does with its live connections once it no longer
 * accepts new ones, before it waits for them to close (STYLE.md P13).
 * <p>
 * Called once per stop, on the server's shutdown thread. It should start closing
 * connections (for example {@code OUT SSD} on the notification server) and return without
 * waiting: the server itself waits up to its grace period and then closes what is left.
 */
@FunctionalInterface
public interface SessionDrainer {

	void drain(ChannelGroup connections);

	/**
	 * Leaves the connections alone: they get the grace period to finish by themselves.
	 */
	static SessionDrainer none() {
		return (connections) -> {
		};
	}

	/** Closes every connection through the disconnector. */
	static SessionDrainer closeAll(Disconnector disconnector) {
		return closeAll(disconnector, null);
	}

	/**
	 * Closes every connection through the disconnector, writing {@code lastWords} first
	 * (e.g. {@code OUT SSD}, msnp.md §5.8).
	 */
	static SessionDrainer closeAll(Disconnector disconnector, Frame lastWords) {
		CloseReason reason = CloseReason.of(CloseReason.Kind.SERVER_SHUTDOWN, "server stopping");
		return (connections) -> {
			for (Channel channel : connections) {
				disconnector.close(channel, reason, lastWords);
			}
		};
	}

}
