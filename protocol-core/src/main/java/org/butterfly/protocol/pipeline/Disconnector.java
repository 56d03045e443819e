package org.butterfly.protocol.pipeline;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.butterfly.protocol.wire.Frame;

/**
 * The one component that closes client connections (STYLE.md P3). Callable from any
 * thread and idempotent: the first call stops reading, writes the optional last words
 * (such as {@code OUT OTH} or {@code 911 7}), closes after they are flushed, logs once
 * and tells the listener (metrics); later calls do nothing.
 */
public final class Disconnector {

	// Netty's logger facade binds to SLF4J when present, so protocol-core needs nothing
	// but Netty.
	private static final InternalLogger events = InternalLoggerFactory.getInstance("butterfly.events");

	private static final AttributeKey<CloseReason> CLOSED = AttributeKey.valueOf(Disconnector.class, "closed");

	private final BiConsumer<Channel, CloseReason> listener;

	public Disconnector() {
		this((channel, reason) -> {
		});
	}

	/**
	 * @param listener told once per closed connection, e.g. to count closes by reason
	 */
	public Disconnector(BiConsumer<Channel, CloseReason> listener) {
		this.listener = listener;
	}

	public void close(Channel channel, CloseReason reason) {
		close(channel, reason, null);
	}

	public void close(Channel channel, CloseReason reason, Frame lastWords) {
		if (channel.attr(CLOSED).setIfAbsent(reason) != null) {
			return;
		}
		// Stop reading on the channel's own loop: Netty 4.2 fails when read-pending
		// bookkeeping reaches a channel
		// that another thread has just deregistered. Commands already decoded are dropped
		// by isClosing().
		try {
			channel.eventLoop().execute(() -> {
				if (channel.isActive()) {
					channel.config().setAutoRead(false);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// the server is shutting down: its event loops no longer read anything
		}
		events.debug("closing {} {}: {} {}", channel.id().asShortText(), channel.remoteAddress(), reason.kind(),
				reason.detail());
		this.listener.accept(channel, reason);
		if (lastWords != null && channel.isActive()) {
			channel.writeAndFlush(lastWords).addListener(ChannelFutureListener.CLOSE);
		}
		else {
			channel.close();
		}
	}

	/**
	 * Whether the server has decided to close this channel: commands still queued are
	 * then ignored.
	 */
	public static boolean isClosing(Channel channel) {
		return channel.attr(CLOSED).get() != null || !channel.isActive();
	}

	/**
	 * Why the server closed the channel, or null if it did not (the client hung up, or it
	 * is still open).
	 */
	public static CloseReason reasonOf(Channel channel) {
		return channel.attr(CLOSED).get();
	}

}
