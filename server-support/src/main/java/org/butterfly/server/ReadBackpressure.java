package org.butterfly.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.butterfly.protocol.pipeline.Disconnector;

/**
 * Stops reading a connection while its outbound buffer is over the high water mark and
 * reads again once it drained below the low one: a client that never reads its replies
 * cannot make the server buffer more than one water mark of them. A connection that stays
 * paused sends nothing, so its phase's idle timeout closes it. Stateless and sharable; on
 * the channel's event loop.
 */
@Sharable
final class ReadBackpressure extends ChannelInboundHandlerAdapter {

	static final String NAME = "butterfly.readBackpressure";

	static final ReadBackpressure INSTANCE = new ReadBackpressure();

	private ReadBackpressure() {
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		boolean writable = ctx.channel().isWritable();
		// never resume a connection the Disconnector has stopped reading
		if (!writable || !Disconnector.isClosing(ctx.channel())) {
			ctx.channel().config().setAutoRead(writable);
		}
		ctx.fireChannelWritabilityChanged();
	}

}
