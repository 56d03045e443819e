package org.butterfly.protocol.pipeline;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * The last inbound handler: expected I/O errors (the peer went away) are logged at debug,
 * anything else once with the channel, and the connection is closed through the
 * {@link Disconnector}.
 */
@Sharable
public final class ProtocolExceptionHandler extends ChannelInboundHandlerAdapter {

	private static final InternalLogger logger = InternalLoggerFactory.getInstance(ProtocolExceptionHandler.class);

	private final Disconnector disconnector;

	public ProtocolExceptionHandler(Disconnector disconnector) {
		this.disconnector = disconnector;
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof IOException || cause instanceof ClosedChannelException) {
			logger.debug("I/O error on {}: {}", ctx.channel(), cause.toString());
		}
		else {
			logger.warn("unexpected error on {}", ctx.channel(), cause);
		}
		this.disconnector.close(ctx.channel(),
				CloseReason.of(CloseReason.Kind.IO_ERROR, cause.getClass().getSimpleName()));
	}

}
