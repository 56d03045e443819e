package org.butterfly.benchmarks.switchboard;

import java.net.InetSocketAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;

/**
 * The baseline: the least a Netty server can do with a line, namely split the stream at
 * line ends and write each line straight back, on the I/O thread, with no parsing and no
 * hand-over to another thread.
 */
public final class LineEchoServer implements AutoCloseable {

	private final EventLoopGroup group;

	private final Channel server;

	public LineEchoServer(int ioThreads) {
		this.group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
		Echo echo = new Echo();
		this.server = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<>() {
				@Override
				protected void initChannel(Channel channel) {
					channel.pipeline().addLast(new LineBasedFrameDecoder(8192, false, false), echo);
				}
			})
			.bind(new InetSocketAddress("127.0.0.1", 0))
			.syncUninterruptibly()
			.channel();
	}

	public InetSocketAddress address() {
		return (InetSocketAddress) this.server.localAddress();
	}

	@Override
	public void close() {
		this.server.close().syncUninterruptibly();
		this.group.shutdownGracefully().syncUninterruptibly();
	}

	@Sharable
	private static final class Echo extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ctx.write((ByteBuf) msg, ctx.voidPromise());
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close(); // the client hung up while lines were still coming back
		}

	}

}
