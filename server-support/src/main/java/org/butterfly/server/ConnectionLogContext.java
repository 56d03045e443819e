package org.butterfly.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.butterfly.protocol.dispatch.FrameBatch;
import org.slf4j.MDC;

/**
 * Puts the connection's context in the logging MDC while one of its commands is handled:
 * {@code node} (the listener's role and advertised address), {@code remote} (the client's
 * address) and {@code account} once it signed in. JSON log lines carry them as fields
 * (docs/operations.md, "Logs").
 * <p>
 * Added on the dispatcher's executor just before it, so the dispatcher runs inside
 * {@link #channelRead} on the same worker thread; the MDC is cleared afterwards, since a
 * worker serves many connections. Work a handler hands to other threads does not carry
 * the context.
 */
@Sharable
final class ConnectionLogContext extends ChannelInboundHandlerAdapter {

	static final String NODE = "node";

	static final String REMOTE = "remote";

	static final String ACCOUNT = "account";

	private final String node;

	ConnectionLogContext(String node) {
		this.node = node;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		// one command at a time, so that the account is in the context of the commands
		// after the sign-in that made it known
		FrameBatch.unpack(msg, (message) -> readOne(ctx, message));
	}

	private void readOne(ChannelHandlerContext ctx, Object msg) {
		MDC.put(NODE, this.node);
		MDC.put(REMOTE, String.valueOf(ctx.channel().remoteAddress()));
		String account = ctx.channel().attr(ConnectionMetrics.ACCOUNT).get();
		if (account != null) {
			MDC.put(ACCOUNT, account);
		}
		try {
			ctx.fireChannelRead(msg);
		}
		finally {
			MDC.remove(NODE);
			MDC.remove(REMOTE);
			MDC.remove(ACCOUNT);
		}
	}

}
