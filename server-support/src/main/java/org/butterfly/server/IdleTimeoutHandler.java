package org.butterfly.server;

import java.time.Duration;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.HandlerNames;

/**
 * Closes a connection through the {@link Disconnector} with
 * {@link CloseReason.Kind#IDLE_TIMEOUT} when the idle timer of its phase fires (STYLE.md
 * P8). Stateless and sharable; it sits right after the timer, on the channel's event
 * loop, and passes every other event on.
 */
@Sharable
public final class IdleTimeoutHandler extends ChannelInboundHandlerAdapter {

	private final Disconnector disconnector;

	public IdleTimeoutHandler(Disconnector disconnector) {
		this.disconnector = disconnector;
	}

	/**
	 * Closes a connection that has not signed in within the deadline
	 * ({@link CloseReason.Kind#RATE_LIMITED}: it kept the line busy, else the idle timer
	 * would have fired first).
	 */
	void deadlineMissed(Channel channel, Duration deadline) {
		this.disconnector.close(channel,
				CloseReason.of(CloseReason.Kind.RATE_LIMITED, "not signed in within " + deadline.toMillis() + " ms"));
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (!(event instanceof IdleStateEvent)) {
			ctx.fireUserEventTriggered(event);
			return;
		}
		ChannelHandler timer = ctx.pipeline().get(HandlerNames.IDLE);
		String detail = (timer instanceof PhaseIdleStateHandler phase) ? phase.description() : "idle";
		this.disconnector.close(ctx.channel(), CloseReason.of(CloseReason.Kind.IDLE_TIMEOUT, detail));
	}

}
