package org.butterfly.protocol.dispatch;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.wire.Frame;

/**
 * The state of one client connection, kept on the channel (STYLE.md P6). Its mutable
 * state is touched only on {@link #executor()}, the executor the
 * {@link CommandDispatcher} runs on for this channel, so handlers need no locks.
 */
public interface ProtocolSession {

	Channel channel();

	/**
	 * The executor that owns this session: every command of the connection is handled on
	 * it, in order.
	 */
	EventExecutor executor();

	/**
	 * The state gate: whether a command with this verb is allowed in the session's
	 * current state.
	 */
	boolean allows(String verb);

	/** Writes one line to the client and flushes. Safe from any thread. */
	default void send(Frame frame) {
		channel().writeAndFlush(frame, channel().voidPromise());
	}

	/** Writes several lines with one flush, in order. Safe from any thread. */
	default void send(Iterable<Frame> frames) {
		Channel channel = channel();
		for (Frame frame : frames) {
			channel.write(frame, channel.voidPromise());
		}
		channel.flush();
	}

}
