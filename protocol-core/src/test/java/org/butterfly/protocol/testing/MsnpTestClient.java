package org.butterfly.protocol.testing;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;

/**
 * A raw MSNP connection for tests: sends frames or bytes, and reads what the server sends
 * through a <b>strict</b> decoder, so any deviation from the output rules (msnp.md §2.1)
 * shows up as a {@link FramingError}. Works over TCP ({@link InetSocketAddress}) and
 * Netty's in-JVM transport ({@link LocalAddress}).
 */
public final class MsnpTestClient implements AutoCloseable {

	/** What {@link #next} returns once the server closed the connection. */
	public static final Object CLOSED = new Object() {
		@Override
		public String toString() {
			return "<connection closed>";
		}
	};

	private static final EventLoopGroup SOCKETS = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private static final EventLoopGroup LOCAL = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());

	private final Channel channel;

	private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

	private MsnpTestClient(SocketAddress address, SocketAddress localAddress) {
		boolean local = address instanceof LocalAddress;
		Bootstrap bootstrap = new Bootstrap().group(local ? LOCAL : SOCKETS)
			.channel(local ? LocalChannel.class : NioSocketChannel.class)
			.handler(new ChannelInitializer<>() {
				@Override
				protected void initChannel(Channel ch) {
					ch.pipeline()
						.addLast(new MsnpFrameDecoder(WireLimits.CLIENT, PayloadRules.CLIENT_INBOUND, true),
								MsnpFrameEncoder.INSTANCE, new Collector());
				}
			});
		this.channel = ((localAddress != null) ? bootstrap.connect(address, localAddress) : bootstrap.connect(address))
			.syncUninterruptibly()
			.channel();
	}

	public static MsnpTestClient connect(SocketAddress address) {
		return new MsnpTestClient(address, null);
	}

	/**
	 * Connects from a chosen local address, e.g. 127.0.0.23, to test per-address limits.
	 */
	public static MsnpTestClient connect(SocketAddress address, SocketAddress localAddress) {
		return new MsnpTestClient(address, localAddress);
	}

	public void send(Frame frame) {
		this.channel.writeAndFlush(frame).syncUninterruptibly();
	}

	public void sendRaw(byte[] bytes) {
		this.channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
	}

	/**
	 * The next thing the server sent: a {@link Frame}, a
	 * {@link org.butterfly.protocol.wire.FramingError} (the server broke the output
	 * rules), {@link #CLOSED}, or null when nothing arrived within {@code timeout}.
	 */
	public Object next(Duration timeout) {
		try {
			return this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next frame, failing on anything else. */
	public Frame nextFrame(Duration timeout) {
		Object next = next(timeout);
		if (!(next instanceof Frame frame)) {
			throw new AssertionError("expected a line from the server but got " + next);
		}
		return frame;
	}

	public boolean isOpen() {
		return this.channel.isActive();
	}

	public Channel channel() {
		return this.channel;
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
	}

	private final class Collector extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			MsnpTestClient.this.received.add(msg);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			MsnpTestClient.this.received.add(CLOSED);
		}

	}

}
