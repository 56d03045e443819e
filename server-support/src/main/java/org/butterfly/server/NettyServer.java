package org.butterfly.server;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.butterfly.protocol.dispatch.FrameBatcher;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.HandlerNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * One MSNP listener: a TCP port and, optionally, a name on Netty's in-JVM transport, both
 * serving the same pipeline (STYLE.md P13).
 * <p>
 * {@link #start()} creates named thread groups ({@code <role>-io-*} for I/O,
 * {@code <role>-worker-*} for command handlers, see {@link ChannelInitializerFactory}),
 * binds, and logs the bound address. {@link #stop(Runnable)} returns at once and, on a
 * {@code <role>-shutdown} thread: stops accepting (connections that race in are closed),
 * hands the live connections to the {@link SessionDrainer}, waits up to the grace period
 * for them to close, closes what is left, and releases the thread groups before running
 * the callback. Lifecycle methods are thread-safe; a stopped server can be started again.
 * <p>
 * Every connection is measured ({@link ConnectionMetrics}, in the registry given to
 * {@link #meterRegistry}) and its commands are handled with its context in the logging
 * MDC ({@link ConnectionLogContext}).
 * <p>
 * Its phase is the one Spring Boot gives graceful web-server shutdown, so it stops before
 * the beans its handlers use. Destroying the bean stops it too, which covers a context
 * whose start failed after the listener was bound.
 */
public final class NettyServer implements SmartLifecycle, DisposableBean {

	/** Early in shutdown, late in start-up: Spring Boot's web-server shutdown phase. */
	public static final int PHASE = Integer.MAX_VALUE - 1024;

	private static final Logger logger = LoggerFactory.getLogger(NettyServer.class);

	private static final long FORCED_CLOSE_MILLIS = 2_000;

	private static final String METRICS = "butterfly.metrics";

	private static final String LOG_CONTEXT = "butterfly.logContext";

	private enum State {

		STOPPED, RUNNING, STOPPING

	}

	private final String role;

	private final ListenerProperties listener;

	private final ChannelInitializerFactory initializers;

	private final SessionDrainer drainer;

	private final Disconnector disconnector;

	private final ChannelGroup connections;

	private final Object monitor = new Object();

	// guarded by monitor
	private State state = State.STOPPED;

	// guarded by monitor
	private Resources resources;

	// guarded by monitor
	private CompletableFuture<Void> stopped;

	private volatile boolean accepting;

	/**
	 * No meters until a registry is given: a composite without members measures nothing.
	 */
	private volatile Supplier<MeterRegistry> meters = CompositeMeterRegistry::new;

	private volatile InetSocketAddress boundAddress;

	private volatile LocalAddress boundLocalAddress;

	/**
	 * @param role a short name for threads and logs, e.g. {@code ds}, {@code ns}
	 * @param listener where to listen, thread counts, timeouts
	 * @param initializers builds the application's pipeline on each start
	 * @param drainer what to do with live connections when stopping
	 */
	public NettyServer(String role, ListenerProperties listener, ChannelInitializerFactory initializers,
			SessionDrainer drainer) {
		this(role, listener, initializers, drainer, new Disconnector());
	}

	/**
	 * @param disconnector closes connections over the listener's
	 * {@linkplain ListenerProperties#limits() limits}, so they are counted with the
	 * application's other closes
	 */
	public NettyServer(String role, ListenerProperties listener, ChannelInitializerFactory initializers,
			SessionDrainer drainer, Disconnector disconnector) {
		this.role = role;
		this.listener = listener;
		this.initializers = initializers;
		this.drainer = drainer;
		this.disconnector = disconnector;
		this.connections = new DefaultChannelGroup(role + "-connections", GlobalEventExecutor.INSTANCE);
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.state == State.RUNNING) {
				return;
			}
			if (this.state == State.STOPPING) {
				throw new IllegalStateException(this.role + " is still stopping");
			}
			Resources started = new Resources();
			try {
				bind(started);
			}
			catch (Exception ex) {
				// Exception, not RuntimeException: Netty rethrows BindException
				// undeclared.
				started.release();
				throw new IllegalStateException(
						this.role + " cannot listen on " + this.listener.host() + ":" + this.listener.port(), ex);
			}
			this.resources = started;
			this.boundAddress = (InetSocketAddress) started.tcp.localAddress();
			this.boundLocalAddress = (started.local != null) ? (LocalAddress) started.local.localAddress() : null;
			started.instrument(this.meters.get(), this.role + "@" + advertisedAddress());
			this.accepting = true;
			this.state = State.RUNNING;
		}
		logger.info("{} listening on {}{}, advertised as {}", this.role, this.boundAddress,
				(this.boundLocalAddress != null) ? " and in-JVM " + this.boundLocalAddress : "", advertisedAddress());
	}

	private void bind(Resources started) {
		Admission admission = new Admission(this.initializers.create(started.dispatchers), started.dispatchers);
		started.admission = admission;
		ListenerProperties.WriteBuffer buffer = this.listener.writeBuffer();
		WriteBufferWaterMark waterMark = new WriteBufferWaterMark((int) buffer.low().toBytes(),
				(int) buffer.high().toBytes());
		started.tcp = new ServerBootstrap().group(started.io)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, this.listener.backlog())
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
			.childHandler(admission)
			.bind(this.listener.host(), this.listener.port())
			.syncUninterruptibly()
			.channel();
		if (started.localIo != null) {
			started.local = new ServerBootstrap().group(started.localIo)
				.channel(LocalServerChannel.class)
				.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
				.childHandler(admission)
				.bind(new LocalAddress(this.listener.localName()))
				.syncUninterruptibly()
				.channel();
		}
	}

	@Override
	public void stop() {
		CompletableFuture<Void> done = new CompletableFuture<>();
		stop(() -> done.complete(null));
		done.join();
	}

	@Override
	public void stop(Runnable callback) {
		CompletableFuture<Void> done;
		synchronized (this.monitor) {
			if (this.state == State.STOPPED) {
				callback.run();
				return;
			}
			if (this.state == State.RUNNING) {
				this.state = State.STOPPING;
				this.stopped = new CompletableFuture<>();
				Resources running = this.resources;
				new Thread(() -> shutdown(running), this.role + "-shutdown").start();
			}
			done = this.stopped;
		}
		done.whenComplete((ignored, error) -> callback.run());
	}

	private void shutdown(Resources running) {
		try {
			this.accepting = false;
			running.closeListeners();
			logger.info("{} stopped accepting, draining {} connection(s)", this.role, this.connections.size());
			try {
				this.drainer.drain(this.connections);
			}
			catch (RuntimeException ex) {
				logger.warn("{} session drainer failed", this.role, ex);
			}
			if (!this.connections.newCloseFuture().awaitUninterruptibly(this.listener.shutdownGrace().toMillis())) {
				logger.info("{} closing {} connection(s) still open after {}", this.role, this.connections.size(),
						this.listener.shutdownGrace());
				this.connections.close().awaitUninterruptibly(FORCED_CLOSE_MILLIS);
			}
			running.release();
			logger.info("{} stopped", this.role);
		}
		finally {
			CompletableFuture<Void> done;
			synchronized (this.monitor) {
				this.resources = null;
				this.state = State.STOPPED;
				done = this.stopped;
			}
			done.complete(null);
		}
	}

	/**
	 * Where the connection meters go from the next start on (the application's registry;
	 * none by default).
	 */
	public void meterRegistry(Supplier<MeterRegistry> registry) {
		this.meters = registry;
	}

	/**
	 * Whether new connections are admitted: false before start and from the moment a stop
	 * begins, while live connections drain (the node is then not ready).
	 */
	public boolean isAccepting() {
		return this.accepting;
	}

	/** Stops the server if it still runs, waiting for the stop to finish. */
	@Override
	public void destroy() {
		stop();
	}

	/** Running, or still stopping. */
	@Override
	public boolean isRunning() {
		synchronized (this.monitor) {
			return this.state != State.STOPPED;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	public String role() {
		return this.role;
	}

	/**
	 * The bound TCP address, with the actual port when port 0 was configured.
	 * @throws IllegalStateException before the first start
	 */
	public InetSocketAddress localAddress() {
		InetSocketAddress address = this.boundAddress;
		if (address == null) {
			throw new IllegalStateException(this.role + " has not been started");
		}
		return address;
	}

	/**
	 * The in-JVM address, when {@code local-name} is configured and the server started.
	 */
	public Optional<LocalAddress> inJvmAddress() {
		return Optional.ofNullable(this.boundLocalAddress);
	}

	/**
	 * Where clients are referred to reach this listener ({@code XFR}, {@code RNG}).
	 * @throws IllegalStateException before the first start
	 */
	public AdvertisedAddress advertisedAddress() {
		return this.listener.advertisedAddress(localAddress().getPort());
	}

	/**
	 * Every open client connection of both transports; closed ones leave by themselves.
	 */
	public ChannelGroup connections() {
		return this.connections;
	}

	/**
	 * Admits a new connection into {@link #connections()} and hands it to the
	 * application's initializer, unless the server is stopping or the source address
	 * holds its limit of connections; then adds the listener's guards right after the
	 * application's frame decoder: the command rate limit and read back-pressure.
	 */
	@Sharable
	private final class Admission extends ChannelInitializer<Channel> {

		private final ChannelInitializer<Channel> application;

		private final ConnectionsPerAddress perAddress;

		private final EventExecutorGroup dispatchers;

		private volatile Instruments instruments;

		Admission(ChannelInitializer<Channel> application, EventExecutorGroup dispatchers) {
			this.application = application;
			this.dispatchers = dispatchers;
			this.perAddress = new ConnectionsPerAddress(NettyServer.this.listener.limits().connectionsPerAddress());
		}

		@Override
		protected void initChannel(Channel channel) {
			if (!NettyServer.this.accepting) {
				logger.debug("{} refused {} while stopping", NettyServer.this.role, channel.remoteAddress());
				channel.close();
				return;
			}
			if (!this.perAddress.admit(channel)) {
				NettyServer.this.disconnector.close(channel,
						CloseReason.of(CloseReason.Kind.TOO_MANY_CONNECTIONS, "connections per address"));
				return;
			}
			NettyServer.this.connections.add(channel);
			ChannelPipeline pipeline = channel.pipeline();
			// A channel is registered when this runs, so the application's initializer
			// runs at once and its handlers are in place below.
			pipeline.addLast(this.application);
			String decoder = (pipeline.get(HandlerNames.FRAME_DECODER) != null) ? HandlerNames.FRAME_DECODER : null;
			ListenerProperties.Limits limits = NettyServer.this.listener.limits();
			if (limits.commandsPerSecond() > 0) {
				addAfter(pipeline, decoder, CommandRateLimiter.NAME,
						new CommandRateLimiter(limits, NettyServer.this.disconnector));
			}
			addAfter(pipeline, decoder, ReadBackpressure.NAME, ReadBackpressure.INSTANCE);
			Instruments instruments = this.instruments;
			if (instruments != null && pipeline.get(HandlerNames.FRAME_ENCODER) != null) {
				pipeline.addAfter(HandlerNames.FRAME_ENCODER, METRICS, instruments.metrics());
			}
			if (instruments != null && pipeline.get(HandlerNames.DISPATCHER) != null) {
				// The same group as the dispatcher: the same worker, pinned per channel.
				pipeline.addBefore(this.dispatchers, HandlerNames.DISPATCHER, LOG_CONTEXT, instruments.logContext());
			}
			if (pipeline.get(HandlerNames.DISPATCHER) != null) {
				// On the event loop, right before the hand-over to the worker: one task
				// per
				// read.
				String first = (pipeline.get(LOG_CONTEXT) != null) ? LOG_CONTEXT : HandlerNames.DISPATCHER;
				pipeline.addBefore(first, FrameBatcher.NAME, new FrameBatcher());
			}
		}

		private static void addAfter(ChannelPipeline pipeline, String base, String name, ChannelHandler handler) {
			if (base != null) {
				pipeline.addAfter(base, name, handler);
			}
			else {
				pipeline.addFirst(name, handler);
			}
		}

	}

	/** The handlers that measure connections and give their commands a log context. */
	private record Instruments(ConnectionMetrics metrics, ConnectionLogContext logContext) {

	}

	/** The thread groups and server channels of one start. */
	private final class Resources {

		final EventLoopGroup io;

		final EventLoopGroup localIo;

		final EventExecutorGroup dispatchers;

		Channel tcp;

		Channel local;

		Admission admission;

		Resources() {
			String role = NettyServer.this.role;
			ListenerProperties listener = NettyServer.this.listener;
			this.io = new MultiThreadIoEventLoopGroup(listener.ioThreads(), new DefaultThreadFactory(role + "-io"),
					NioIoHandler.newFactory());
			// The in-JVM transport needs its own I/O handler.
			this.localIo = (listener.localName() != null) ? new MultiThreadIoEventLoopGroup(1,
					new DefaultThreadFactory(role + "-io-local"), LocalIoHandler.newFactory()) : null;
			this.dispatchers = new DefaultEventExecutorGroup(listener.workerThreads(),
					new DefaultThreadFactory(role + "-worker"));
		}

		void instrument(MeterRegistry registry, String node) {
			Gauge.builder("butterfly.connections", NettyServer.this.connections, ChannelGroup::size)
				.description("Open client connections")
				.tags("role", NettyServer.this.role, "node", node)
				.register(registry);
			this.admission.instruments = new Instruments(new ConnectionMetrics(registry, NettyServer.this.role, node),
					new ConnectionLogContext(node));
		}

		void closeListeners() {
			for (Channel channel : new Channel[] { this.tcp, this.local }) {
				if (channel != null) {
					channel.close().awaitUninterruptibly();
				}
			}
		}

		void release() {
			closeListeners();
			this.io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
			if (this.localIo != null) {
				this.localIo.shutdownGracefully(0, 2, TimeUnit.SECONDS);
			}
			this.dispatchers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
			this.io.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
			if (this.localIo != null) {
				this.localIo.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
			}
			this.dispatchers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
		}

	}

}
