package org.butterfly.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * Builds an application's pipeline initializer once the {@link NettyServer} has created
 * its thread groups: the initializer adds the command dispatcher on {@code dispatchers}
 * (STYLE.md P9), so every connection's commands run in order on one worker, off the I/O
 * threads.
 */
@FunctionalInterface
public interface ChannelInitializerFactory {

	/**
	 * Called on every {@link NettyServer#start()}. The initializer must be sharable: it
	 * serves every connection of the TCP and in-JVM listeners.
	 */
	ChannelInitializer<Channel> create(EventExecutorGroup dispatchers);

}
