package org.butterfly.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.wire.Frame;

/**
 * Limits the commands a connection may send per second with a {@link TokenBucket}, right
 * after the frame decoder on the channel's event loop. MSNP has no reply for "too fast"
 * outside a few verbs (§15: 713, 800), so a connection over its limit is closed with
 * {@link CloseReason.Kind#RATE_LIMITED}; the frames it sent after that are dropped before
 * they reach a worker. Holds per-channel state: never sharable.
 */
final class CommandRateLimiter extends ChannelInboundHandlerAdapter {

	static final String NAME = "butterfly.commandRate";

	private final TokenBucket bucket;

	private final Disconnector disconnector;

	CommandRateLimiter(ListenerProperties.Limits limits, Disconnector disconnector) {
		this.bucket = new TokenBucket(limits.commandsPerSecond(), limits.commandBurst());
		this.disconnector = disconnector;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof Frame)) {
			ctx.fireChannelRead(msg);
			return;
		}
		if (Disconnector.isClosing(ctx.channel())) {
			ReferenceCountUtil.release(msg);
			return;
		}
		if (!this.bucket.tryTake()) {
			ReferenceCountUtil.release(msg);
			this.disconnector.close(ctx.channel(),
					CloseReason.of(CloseReason.Kind.RATE_LIMITED, "more than the command rate limit"));
			return;
		}
		ctx.fireChannelRead(msg);
	}

}
