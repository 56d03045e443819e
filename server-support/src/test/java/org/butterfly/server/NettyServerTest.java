package org.butterfly.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.HandlerNames;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The listener lifecycle on a toy pipeline that answers {@code PNG} with {@code QNG} and
 * treats any {@code USR} as a sign-in.
 */
class NettyServerTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final CloseCounts closes = new CloseCounts();

	private final Disconnector disconnector = new Disconnector((channel, reason) -> this.closes.closed(reason.kind()));

	private final Set<String> threads = ConcurrentHashMap.newKeySet();

	private NettyServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void startsOnAnEphemeralPortAndInJvmWithNamedThreads() {
		this.server = start(listener(MINUTE, MINUTE, Duration.ofSeconds(2), "nettyServerTest-start"),
				SessionDrainer.none());
		assertThat(this.server.isRunning()).isTrue();
		assertThat(this.server.localAddress().getPort()).isPositive();
		assertThat(this.server.advertisedAddress()).hasToString("127.0.0.1:" + this.server.localAddress().getPort());
		for (SocketAddress address : List.of(this.server.localAddress(), this.server.inJvmAddress().orElseThrow())) {
			try (MsnpTestClient client = MsnpTestClient.connect(address)) {
				client.send(Frame.of("PNG"));
				assertThat(client.nextFrame(WAIT)).isEqualTo(Replies.QNG);
			}
		}
		assertThat(this.threads).contains("event loop test-io", "event loop test-io-local")
			.contains("handler test-worker");
	}

	@Test
	void gracefulStopAsksTheDrainerAndClosesEveryConnection() {
		AtomicInteger drained = new AtomicInteger();
		SessionDrainer sayGoodbye = SessionDrainer.closeAll(this.disconnector, Replies.OUT_SHUTDOWN);
		this.server = start(listener(MINUTE, MINUTE, Duration.ofSeconds(10), "nettyServerTest-drain"),
				(connections) -> {
					drained.set(connections.size());
					sayGoodbye.drain(connections);
				});
		MsnpTestClient tcp = MsnpTestClient.connect(this.server.localAddress());
		MsnpTestClient local = MsnpTestClient.connect(this.server.inJvmAddress().orElseThrow());
		awaitConnections(2);
		long started = System.nanoTime();
		this.server.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(drained).hasValue(2);
		for (MsnpTestClient client : List.of(tcp, local)) {
			assertThat(client.next(WAIT)).isEqualTo(Replies.OUT_SHUTDOWN);
			assertThat(client.next(WAIT)).isSameAs(MsnpTestClient.CLOSED);
		}
		assertThat(this.server.isRunning()).isFalse();
		assertThat(this.server.connections().size()).isZero();
		assertThatThrownBy(() -> MsnpTestClient.connect(this.server.localAddress()).close())
			.as("nobody listens any more")
			.isNotNull();
	}

	@Test
	void refusesNewConnectionsWhileStoppingAndClosesStragglersAfterTheGrace() throws Exception {
		CountDownLatch draining = new CountDownLatch(1);
		this.server = start(listener(MINUTE, MINUTE, Duration.ofMillis(1500), "nettyServerTest-refuse"),
				(connections) -> draining.countDown());
		MsnpTestClient lingering = MsnpTestClient.connect(this.server.localAddress());
		awaitConnections(1);
		CountDownLatch stopped = new CountDownLatch(1);
		long started = System.nanoTime();
		this.server.stop(stopped::countDown);
		assertThat(this.server.isRunning()).as("still stopping").isTrue();
		assertThatIllegalStateException().isThrownBy(this.server::start);
		assertThat(draining.await(5, TimeUnit.SECONDS)).isTrue();
		// Refused by the closed listener, or, for a connection that raced in, closed at
		// once without joining the live connections.
		for (SocketAddress address : List.of(this.server.localAddress(), this.server.inJvmAddress().orElseThrow())) {
			assertThat(refused(address)).as("connecting to %s while stopping", address).isTrue();
		}
		assertThat(this.server.connections().size()).isOne();
		lingering.send(Frame.of("PNG"));
		assertThat(lingering.next(WAIT)).as("served during the grace period").isEqualTo(Replies.QNG);
		assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
		assertThat(lingering.next(WAIT)).isSameAs(MsnpTestClient.CLOSED);
		assertThat(this.server.isRunning()).isFalse();
	}

	@Test
	void aSilentConnectionIsClosedByThePreAuthenticationTimeout() {
		this.server = start(listener(Duration.ofMillis(400), MINUTE, Duration.ofSeconds(2), null),
				SessionDrainer.none());
		MsnpTestClient client = MsnpTestClient.connect(this.server.localAddress());
		Channel channel = awaitConnections(1).iterator().next();
		assertThat(client.next(Duration.ofMillis(150))).as("not closed early").isNull();
		assertThat(client.next(WAIT)).isSameAs(MsnpTestClient.CLOSED);
		CloseReason reason = Disconnector.reasonOf(channel);
		assertThat(reason.kind()).isEqualTo(CloseReason.Kind.IDLE_TIMEOUT);
		assertThat(reason.detail()).contains("400 ms", "before sign-in");
	}

	@Test
	void signingInSwapsThePreAuthenticationTimeoutForTheKeepAliveOne() {
		this.server = start(listener(Duration.ofMillis(300), Duration.ofMillis(1200), Duration.ofSeconds(2), null),
				SessionDrainer.none());
		MsnpTestClient client = MsnpTestClient.connect(this.server.localAddress());
		Channel channel = awaitConnections(1).iterator().next();
		client.send(Frame.of("USR", "1"));
		assertThat(client.nextFrame(WAIT)).isEqualTo(Frame.of("USR", "1", "OK"));
		assertThat(((PhaseIdleStateHandler) channel.pipeline().get(HandlerNames.IDLE)).description())
			.contains("keep-alive");
		assertThat(client.next(Duration.ofMillis(700))).as("outlived the pre-authentication timeout").isNull();
		assertThat(client.isOpen()).isTrue();
		assertThat(client.next(WAIT)).isSameAs(MsnpTestClient.CLOSED);
		assertThat(Disconnector.reasonOf(channel).detail()).contains("1200 ms", "keep-alive");
	}

	@Test
	void aConnectionBeyondItsCommandBurstIsClosedAsRateLimitedAndOthersGoOn() {
		this.server = start(
				listener(MINUTE, MINUTE, Duration.ofSeconds(2), null, new ListenerProperties.Limits(0, 1, 20, MINUTE)),
				SessionDrainer.none());
		MsnpTestClient flooder = MsnpTestClient.connect(this.server.localAddress());
		MsnpTestClient bystander = MsnpTestClient.connect(this.server.localAddress());
		flooder.sendRaw("PNG\r\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < 20; i++) {
			assertThat(flooder.next(WAIT)).as("answer %d of the burst", i + 1).isEqualTo(Replies.QNG);
		}
		flooder.send(Frame.of("PNG"));
		assertThat(flooder.next(WAIT)).as("one more within the second").isSameAs(MsnpTestClient.CLOSED);
		assertThat(this.closes.count(CloseReason.Kind.RATE_LIMITED)).isOne();
		bystander.sendRaw("PNG\r\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < 20; i++) {
			assertThat(bystander.next(WAIT)).as("the limit is per connection").isEqualTo(Replies.QNG);
		}
		bystander.close();
	}

	@Test
	void aConnectionThatPacesItselfIsNeverCutOff() throws InterruptedException {
		this.server = start(
				listener(MINUTE, MINUTE, Duration.ofSeconds(2), null, new ListenerProperties.Limits(0, 50, 5, MINUTE)),
				SessionDrainer.none());
		try (MsnpTestClient client = MsnpTestClient.connect(this.server.localAddress())) {
			for (int i = 0; i < 30; i++) {
				client.send(Frame.of("PNG"));
				assertThat(client.next(WAIT)).isEqualTo(Replies.QNG);
				Thread.sleep(25); // 40 a second, under the 50 the bucket refills
			}
		}
		assertThat(this.closes.count(CloseReason.Kind.RATE_LIMITED)).isZero();
	}

	@Test
	void anAddressHoldsAtMostItsLimitOfConnections() {
		this.server = start(
				listener(MINUTE, MINUTE, Duration.ofSeconds(2), null, new ListenerProperties.Limits(3, 0, 1, MINUTE)),
				SessionDrainer.none());
		InetSocketAddress crowded = new InetSocketAddress("127.0.0.21", 0);
		List<MsnpTestClient> admitted = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			admitted.add(served(MsnpTestClient.connect(this.server.localAddress(), crowded)));
		}
		MsnpTestClient fourth = MsnpTestClient.connect(this.server.localAddress(), crowded);
		assertThat(fourth.next(WAIT)).isSameAs(MsnpTestClient.CLOSED);
		assertThat(this.closes.count(CloseReason.Kind.TOO_MANY_CONNECTIONS)).isOne();
		served(MsnpTestClient.connect(this.server.localAddress(), new InetSocketAddress("127.0.0.22", 0))).close();
		admitted.remove(0).close();
		long deadline = System.nanoTime() + WAIT.toNanos();
		MsnpTestClient again;
		do {
			assertThat(System.nanoTime()).as("a freed slot is reused").isLessThan(deadline);
			again = MsnpTestClient.connect(this.server.localAddress(), crowded);
			again.send(Frame.of("PNG"));
		}
		while (again.next(WAIT) != Replies.QNG && !again.isOpen());
		again.close();
		admitted.forEach(MsnpTestClient::close);
	}

	@Test
	void aBusyConnectionThatNeverSignsInIsClosedAtTheSignInDeadline() throws InterruptedException {
		this.server = start(listener(Duration.ofMillis(400), MINUTE, Duration.ofSeconds(2), null,
				new ListenerProperties.Limits(0, 0, 1, Duration.ofMillis(900))), SessionDrainer.none());
		MsnpTestClient idler = MsnpTestClient.connect(this.server.localAddress());
		MsnpTestClient member = MsnpTestClient.connect(this.server.localAddress());
		member.send(Frame.of("USR", "1"));
		assertThat(member.next(WAIT)).isEqualTo(Frame.of("USR", "1", "OK"));
		Object last = null;
		long started = System.nanoTime();
		// A PNG every 200 ms keeps the 400 ms idle timer from ever firing.
		while (last != MsnpTestClient.CLOSED && System.nanoTime() - started < WAIT.toNanos()) {
			idler.channel().writeAndFlush(Frame.of("PNG"));
			last = idler.next(Duration.ofMillis(200));
			if (last == Replies.QNG) {
				Thread.sleep(150);
			}
		}
		assertThat(last).isSameAs(MsnpTestClient.CLOSED);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(800),
				Duration.ofMillis(2000));
		assertThat(this.closes.count(CloseReason.Kind.RATE_LIMITED)).isOne();
		member.send(Frame.of("PNG"));
		assertThat(member.next(WAIT)).as("signed in before the deadline").isEqualTo(Replies.QNG);
		member.close();
	}

	@Test
	void aClientThatNeverReadsStopsBeingReadAndLosesNothing() {
		this.server = start(listener(MINUTE, MINUTE, Duration.ofSeconds(2), null), SessionDrainer.none());
		MsnpTestClient client = MsnpTestClient.connect(this.server.localAddress());
		client.channel().config().setAutoRead(false);
		int commands = 1_000_000;
		client.channel()
			.writeAndFlush(Unpooled.wrappedBuffer("PNG\r\n".repeat(commands).getBytes(StandardCharsets.US_ASCII)));
		Channel served = awaitConnections(1).iterator().next();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (served.config().isAutoRead()) {
			assertThat(System.nanoTime()).as("reading paused").isLessThan(deadline);
			Thread.onSpinWait();
		}
		assertThat(client.channel().unsafe().outboundBuffer().totalPendingWriteBytes())
			.as("commands the server has not read yet")
			.isPositive();
		client.channel().config().setAutoRead(true);
		client.channel().read();
		for (int i = 0; i < commands; i++) {
			assertThat(client.next(WAIT)).as("reply %d", i + 1).isEqualTo(Replies.QNG);
		}
		long drained = System.nanoTime() + WAIT.toNanos();
		while (!served.config().isAutoRead()) {
			// the writability event follows the last flush on the server's event loop
			assertThat(System.nanoTime()).as("reading again").isLessThan(drained);
			Thread.onSpinWait();
		}
		client.close();
	}

	private static MsnpTestClient served(MsnpTestClient client) {
		client.send(Frame.of("PNG"));
		assertThat(client.next(WAIT)).isEqualTo(Replies.QNG);
		return client;
	}

	@Test
	void aPortInUseFailsTheStartAndReleasesItsThreads() {
		this.server = start(listener(MINUTE, MINUTE, Duration.ofSeconds(1), null), SessionDrainer.none());
		ListenerProperties taken = new ListenerProperties("127.0.0.1", this.server.localAddress().getPort(),
				"127.0.0.1", 0, false, null, 1, 1, 16, new ListenerProperties.Idle(WAIT, WAIT), Duration.ZERO,
				new ListenerProperties.WriteBuffer(DataSize.ofKilobytes(32), DataSize.ofKilobytes(64)),
				ListenerProperties.Limits.NONE);
		NettyServer clash = new NettyServer("clash", taken, (dispatchers) -> new ChannelInitializer<>() {
			@Override
			protected void initChannel(Channel ch) {
			}
		}, SessionDrainer.none());
		assertThatIllegalStateException().isThrownBy(clash::start)
			.withMessageContaining("clash cannot listen on 127.0.0.1:" + this.server.localAddress().getPort());
		assertThat(clash.isRunning()).isFalse();
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.isAlive() && thread.getName().startsWith("clash-") && !thread.isDaemon());
	}

	private NettyServer start(ListenerProperties listener, SessionDrainer drainer) {
		IdlePhases idle = IdlePhases.of(listener, new IdleTimeoutHandler(this.disconnector));
		NettyServer started = new NettyServer("test", listener, (dispatchers) -> new ChannelInitializer<>() {
			@Override
			protected void initChannel(Channel ch) {
				NettyServerTest.this.threads.add("event loop " + poolOf(Thread.currentThread()));
				ch.pipeline()
					.addLast(HandlerNames.FRAME_DECODER,
							new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.DISPATCH_INBOUND))
					.addLast(HandlerNames.FRAME_ENCODER, MsnpFrameEncoder.INSTANCE);
				idle.install(ch.pipeline());
				ch.pipeline().addLast(dispatchers, HandlerNames.DISPATCHER, new ToyHandler(idle));
			}
		}, drainer, this.disconnector);
		started.start();
		return started;
	}

	private static ListenerProperties listener(Duration preAuthentication, Duration keepAlive, Duration grace,
			String localName) {
		return listener(preAuthentication, keepAlive, grace, localName, ListenerProperties.Limits.NONE);
	}

	private static ListenerProperties listener(Duration preAuthentication, Duration keepAlive, Duration grace,
			String localName, ListenerProperties.Limits limits) {
		return new ListenerProperties("127.0.0.1", 0, "127.0.0.1", 0, false, localName, 1, 2, 16,
				new ListenerProperties.Idle(preAuthentication, keepAlive), grace,
				new ListenerProperties.WriteBuffer(DataSize.ofKilobytes(1), DataSize.ofKilobytes(2)), limits);
	}

	private ChannelGroup awaitConnections(int count) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (this.server.connections().size() < count) {
			assertThat(System.nanoTime()).as("%d connection(s) registered", count).isLessThan(deadline);
			Thread.onSpinWait();
		}
		return this.server.connections();
	}

	/** Whether a connection attempt fails, or is closed without a word. */
	private static boolean refused(SocketAddress address) {
		MsnpTestClient client;
		try {
			client = MsnpTestClient.connect(address);
		}
		catch (Exception ex) { // a refused connection is an undeclared ConnectException
			return true;
		}
		try (client) {
			client.send(Frame.of("PNG"));
			return client.next(WAIT) == MsnpTestClient.CLOSED;
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	private static String poolOf(Thread thread) {
		// DefaultThreadFactory names threads <pool>-<pool id>-<thread id>
		String name = thread.getName();
		String withoutThread = name.substring(0, name.lastIndexOf('-'));
		return withoutThread.substring(0, withoutThread.lastIndexOf('-'));
	}

	private final class ToyHandler extends SimpleChannelInboundHandler<Frame> {

		private final IdlePhases idle;

		ToyHandler(IdlePhases idle) {
			this.idle = idle;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
			NettyServerTest.this.threads.add("handler " + poolOf(Thread.currentThread()));
			if (frame.verb().equals("USR")) {
				this.idle.enterKeepAlive(ctx.channel());
				ctx.writeAndFlush(Frame.of("USR", frame.token(0), "OK"));
			}
			else {
				ctx.writeAndFlush(Replies.QNG);
			}
		}

	}

}
