package org.butterfly.client.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import org.butterfly.client.ClientException;
import org.butterfly.client.ServerErrorException;
import org.butterfly.protocol.command.ClientCommand;
import org.butterfly.protocol.wire.FramingError;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;

/**
 * One TCP connection to an MSNP server, seen from the client: frames out, frames in, and
 * requests matched to their replies by TrID (msnp.md §2.2).
 * <p>
 * Every inbound frame goes first to the owner's frame handler (on the channel's event
 * loop, in order), which keeps the session's state; then, if it answers a pending
 * request, that request's future completes. So a caller that sees a reply also sees the
 * state it produced. An error reply ({@code NNN TrID}) fails the request with a
 * {@link ServerErrorException}; a closed connection fails every pending request.
 */
public final class Connection {

	/** The longest TrID counter value before it wraps back to 1 (TrIDs are 32-bit). */
	private static final int MAX_TRID = Integer.MAX_VALUE;

	/** More pending requests than this means the caller does not wait for replies. */
	private static final int MAX_PENDING = 10_000;

	private final Channel channel;

	private final AtomicInteger trIds;

	private final Duration timeout;

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private Connection(Channel channel, AtomicInteger trIds, Duration timeout) {
		this.channel = channel;
		this.trIds = trIds;
		this.timeout = timeout;
	}

	/**
	 * Connects to a server.
	 * @param group the event loops
	 * @param address the server
	 * @param localAddress the source address, {@code null} for any
	 * @param trIds the TrID counter, shared by the connections of one sign-in (the
	 * official client keeps counting across the dispatch and notification servers)
	 * @param timeout how long a request waits for its reply, and the connect timeout
	 * @param frames receives every inbound frame on the event loop, in order
	 * @param closeHandler runs once when the connection closes, on the event loop
	 * @return the open connection
	 */
	public static CompletableFuture<Connection> open(EventLoopGroup group, InetSocketAddress address,
			InetAddress localAddress, AtomicInteger trIds, Duration timeout, Consumer<Frame> frames,
			Consumer<Connection> closeHandler) {
		CompletableFuture<Connection> result = new CompletableFuture<>();
		Connection[] holder = new Connection[1];
		Bootstrap bootstrap = new Bootstrap().group(group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					Connection connection = new Connection(channel, trIds, timeout);
					holder[0] = connection;
					// Tolerant: a client may face servers that end lines with a bare LF
					// (§21).
					channel.pipeline()
						.addLast("decoder", new MsnpFrameDecoder(WireLimits.CLIENT, PayloadRules.CLIENT_INBOUND))
						.addLast("encoder", MsnpFrameEncoder.INSTANCE)
						.addLast("client", connection.new Inbound(frames));
					channel.closeFuture().addListener((done) -> connection.closed(closeHandler));
				}
			});
		ChannelFuture connect = (localAddress != null)
				? bootstrap.connect(address, new InetSocketAddress(localAddress, 0)) : bootstrap.connect(address);
		connect.addListener((done) -> {
			if (done.isSuccess()) {
				result.complete(holder[0]);
			}
			else {
				result.completeExceptionally(new ClientException(
						"cannot connect to " + address + ": " + done.cause().getMessage(), done.cause()));
			}
		});
		return result;
	}

	/**
	 * Sends a command with a fresh TrID and waits for the reply with the same verb.
	 * @param command builds the command from its TrID
	 * @return the reply
	 */
	public CompletableFuture<Frame> request(Function<String, ClientCommand> command) {
		return request(command, null);
	}

	/**
	 * Sends a command with a fresh TrID and waits for the frame with that TrID that
	 * {@code completes} accepts.
	 * @param command builds the command from its TrID
	 * @param completes which frame with the TrID ends the request; {@code null} for the
	 * first one with the command's verb
	 * @return that frame
	 */
	public CompletableFuture<Frame> request(Function<String, ClientCommand> command, Predicate<Frame> completes) {
		String trId = nextTrId();
		Frame frame = command.apply(trId).toFrame();
		Predicate<Frame> end = (completes != null) ? completes : (reply) -> reply.verb().equals(frame.verb());
		CompletableFuture<Frame> future = new CompletableFuture<>();
		if (this.pending.size() >= MAX_PENDING) {
			future.completeExceptionally(new ClientException(MAX_PENDING + " requests are already waiting"));
			return future;
		}
		if (this.closed.isDone()) {
			future.completeExceptionally(new ClientException("the connection is closed"));
			return future;
		}
		this.pending.put(trId, new Pending(frame.verb(), end, future));
		future.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((reply, failure) -> this.pending.remove(trId));
		this.channel.writeAndFlush(frame).addListener((written) -> {
			if (!written.isSuccess()) {
				future.completeExceptionally(new ClientException("cannot send " + frame.verb(), written.cause()));
			}
		});
		return future;
	}

	/** Sends a frame that gets no reply ({@code PNG}, {@code OUT}, {@code MSG U}). */
	public CompletableFuture<Void> send(Frame frame) {
		CompletableFuture<Void> sent = new CompletableFuture<>();
		this.channel.writeAndFlush(frame).addListener((written) -> {
			if (written.isSuccess()) {
				sent.complete(null);
			}
			else {
				sent.completeExceptionally(new ClientException("cannot send " + frame.verb(), written.cause()));
			}
		});
		return sent;
	}

	/**
	 * Sends {@code frame} every {@code interval} until the connection closes (the
	 * {@code PNG} keep-alive, msnp.md §13.1).
	 */
	public void repeat(Frame frame, Duration interval) {
		long millis = interval.toMillis();
		ScheduledFuture<?> task = this.channel.eventLoop()
			.scheduleAtFixedRate(() -> this.channel.writeAndFlush(frame), millis, millis, TimeUnit.MILLISECONDS);
		this.closed.whenComplete((done, failure) -> task.cancel(false));
	}

	/** A fresh TrID from the shared counter. */
	public String nextTrId() {
		return Integer.toString(this.trIds.updateAndGet((id) -> (id >= MAX_TRID) ? 1 : id + 1));
	}

	/** Completes when the connection has closed. */
	public CompletableFuture<Void> closeFuture() {
		return this.closed;
	}

	public boolean isOpen() {
		return this.channel.isActive();
	}

	/** The server's address. */
	public InetSocketAddress remoteAddress() {
		return (InetSocketAddress) this.channel.remoteAddress();
	}

	/** Closes the connection; pending requests fail. */
	public CompletableFuture<Void> close() {
		this.channel.close();
		return this.closed;
	}

	/** Sends {@code OUT}, then closes (msnp.md §13.2, §14.3). */
	public CompletableFuture<Void> signOut(Frame out) {
		if (this.channel.isActive()) {
			this.channel.writeAndFlush(out).addListener((written) -> this.channel.close());
		}
		return this.closed;
	}

	private void closed(Consumer<Connection> closeHandler) {
		ClientException failure = new ClientException("the connection to the server closed");
		this.pending.values().forEach((request) -> request.future.completeExceptionally(failure));
		this.pending.clear();
		try {
			closeHandler.accept(this);
		}
		finally {
			this.closed.complete(null);
		}
	}

	private void received(Frame frame, Consumer<Frame> frames) {
		if (ServerErrorException.isError(frame.verb())) {
			String trId = (frame.tokenCount() > 0) ? frame.token(0) : "";
			Pending request = this.pending.remove(trId);
			if (request != null) {
				request.future.completeExceptionally(ServerErrorException.of(frame, request.verb));
				return;
			}
		}
		frames.accept(frame);
		if (frame.tokenCount() > 0) {
			Pending request = this.pending.get(frame.token(0));
			if (request != null && request.completes.test(frame)) {
				this.pending.remove(frame.token(0));
				request.future.complete(frame);
			}
		}
	}

	private record Pending(String verb, Predicate<Frame> completes, CompletableFuture<Frame> future) {
	}

	/** The last handler: frames to the owner, framing errors close. */
	private final class Inbound extends SimpleChannelInboundHandler<Object> {

		private final Consumer<Frame> frames;

		Inbound(Consumer<Frame> frames) {
			this.frames = frames;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, Object message) {
			if (message instanceof Frame frame) {
				received(frame, this.frames);
			}
			else if (message instanceof FramingError) {
				// The server broke the framing: nothing after this can be trusted.
				ctx.close();
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

	}

}
