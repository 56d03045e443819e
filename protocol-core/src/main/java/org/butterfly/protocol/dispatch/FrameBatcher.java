package org.butterfly.protocol.dispatch;

import java.util.ArrayList;
import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Collects the frames decoded from one read and passes them on as one {@link FrameBatch}
 * when the read completes, or as soon as {@value #MAX_BATCH} have gathered. Sits on the
 * event loop right before the handlers that run on a command executor: Netty hands every
 * message to another executor as a task of its own, so a client pipelining hundreds of
 * {@code MSG}s would cost hundreds of task hand-overs and wake-ups; batched, it costs one
 * per read. A lone frame goes on as it is. One instance per channel.
 */
public final class FrameBatcher extends ChannelInboundHandlerAdapter {

	/** The handler's name in the pipeline. */
	public static final String NAME = "butterfly.frameBatcher";

	// Bounds how long one connection's commands hold its executor before others get a
	// turn.
	static final int MAX_BATCH = 64;

	private List<Object> pending;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.pending == null) {
			this.pending = new ArrayList<>(8);
		}
		this.pending.add(msg);
		if (this.pending.size() >= MAX_BATCH) {
			pass(ctx);
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		pass(ctx);
		ctx.fireChannelReadComplete();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		pass(ctx);
		super.channelInactive(ctx);
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		// whatever was read before the event stays before it
		pass(ctx);
		super.userEventTriggered(ctx, event);
	}

	private void pass(ChannelHandlerContext ctx) {
		List<Object> batch = this.pending;
		if (batch == null) {
			return;
		}
		this.pending = null;
		ctx.fireChannelRead((batch.size() == 1) ? batch.get(0) : new FrameBatch(batch));
	}

}
