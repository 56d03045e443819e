package org.butterfly.switchboard;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;

/**
 * Stands in for the notification connections of the users a transcript invites: a script
 * session connects to endpoint {@code ns} and says {@code USR 1 handle} (answered
 * {@code USR 1 OK}); from then on the {@code RNG} lines the switchboard's ringer delivers
 * for that handle arrive on it, so the transcript reads and captures them like a client.
 */
final class FakeNotificationServer implements AutoCloseable {

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final Map<String, Channel> signedIn = new ConcurrentHashMap<>();

	private final Channel server;

	FakeNotificationServer() {
		this.server = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<>() {
				@Override
				protected void initChannel(Channel channel) {
					channel.pipeline()
						.addLast(new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.DISPATCH_INBOUND),
								MsnpFrameEncoder.INSTANCE, new SignIn());
				}
			})
			.bind(new InetSocketAddress("127.0.0.1", 0))
			.syncUninterruptibly()
			.channel();
	}

	InetSocketAddress address() {
		return (InetSocketAddress) this.server.localAddress();
	}

	/** Writes {@code rng} to the connection {@code handle} signed in with, if any. */
	void deliver(String handle, Frame rng) {
		Channel channel = this.signedIn.get(handle);
		if (channel != null) {
			channel.writeAndFlush(rng);
		}
	}

	@Override
	public void close() {
		this.server.close().syncUninterruptibly();
		this.group.shutdownGracefully().syncUninterruptibly();
	}

	private final class SignIn extends SimpleChannelInboundHandler<Frame> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
			if (frame.verb().equals("USR") && frame.tokenCount() == 2) {
				FakeNotificationServer.this.signedIn.put(frame.token(1), ctx.channel());
				ctx.writeAndFlush(Replies.ok("USR", frame.token(0)));
			}
			else {
				ctx.close();
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			FakeNotificationServer.this.signedIn.values().remove(ctx.channel());
		}

	}

}
