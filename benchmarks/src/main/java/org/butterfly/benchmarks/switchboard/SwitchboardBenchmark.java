package org.butterfly.benchmarks.switchboard;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import org.butterfly.protocol.command.ClientCommands.Ans;
import org.butterfly.protocol.command.ClientCommands.Cal;
import org.butterfly.protocol.command.ClientCommands.SbUsr;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;
import org.butterfly.switchboard.invite.InMemoryRinger.Presence;
import org.butterfly.tickets.ring.Invitation;

/**
 * Messages relayed per second through one switchboard node, beside a raw Netty line echo
 * server measured in the same run on the same machine; the ratio is the figure.
 * <p>
 * Scenarios, each on its own connections, all over loopback:
 * <ul>
 * <li><b>echo</b>: the baseline ({@link LineEchoServer}); each connection pipelines
 * 113-byte lines and counts what comes back;</li>
 * <li><b>sb-2</b>, <b>sb-10</b>: rooms of 2 and 10 participants, opened with
 * {@code USR}/{@code CAL}/{@code ANS}; one participant per room pipelines {@code MSG U}
 * with 100-byte payloads (113 bytes on the wire), the others count the relayed
 * {@code MSG}s. A sender keeps at most {@code window} messages ahead of its slowest
 * receiver, so the node is measured, not the depth of its buffers.</li>
 * </ul>
 * Throughput counts relayed lines per second (a message to a 10-party room is 9 lines).
 * Latency offers a fixed rate of {@code MSG A} (echo: lines) and reports the time to the
 * {@code ACK} (echo: to the line's return) as p50 and p99. Every round runs every
 * scenario, after one uncounted warm-up round; the report shows the median and the spread
 * (min .. max) of the rounds.
 * <p>
 * Arguments ({@code name=value}): {@code rounds} (5), {@code seconds} per measurement
 * (2), {@code rate} offered messages per second per scenario for latency (2000),
 * {@code rooms2} (4), {@code rooms10} (2), {@code io} server I/O threads (2),
 * {@code workers} switchboard worker threads (2), {@code window} messages a sender may be
 * ahead of its slowest receiver (256).
 */
public final class SwitchboardBenchmark {

	private static int window = 256;

	static final byte[] PAYLOAD = ("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
			+ "x".repeat(38))
		.getBytes(StandardCharsets.US_ASCII);

	static final int LINE_BYTES = ("MSG 1 U 100\r\n").length() + PAYLOAD.length;

	static final double WARMUP_SECONDS = 0.5;

	private final EventLoop clientLoop;

	private final EventLoopGroup clients;

	private final SwitchboardNode node;

	private final LineEchoServer echo;

	private int users;

	private SwitchboardBenchmark(SwitchboardNode node, LineEchoServer echo) {
		this.clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		this.clientLoop = this.clients.next();
		this.node = node;
		this.echo = echo;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "");
		}
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		double seconds = Double.parseDouble(options.getOrDefault("seconds", "2"));
		int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
		int rooms2 = Integer.parseInt(options.getOrDefault("rooms2", "4"));
		int rooms10 = Integer.parseInt(options.getOrDefault("rooms10", "2"));
		int io = Integer.parseInt(options.getOrDefault("io", "2"));
		int workers = Integer.parseInt(options.getOrDefault("workers", "2"));
		window = Integer.parseInt(options.getOrDefault("window", "256"));
		System.out.printf(Locale.ROOT,
				"switchboard benchmark: %d rounds x %.1f s, %d cores, latency at %d msg/s, %d x 2-party and %d x 10-party rooms,"
						+ " %d I/O + %d worker threads%n",
				rounds, seconds, Runtime.getRuntime().availableProcessors(), rate, rooms2, rooms10, io, workers);
		Map<String, List<Double>> results = new java.util.LinkedHashMap<>();
		try (SwitchboardNode node = new SwitchboardNode(io, workers); LineEchoServer echo = new LineEchoServer(io)) {
			SwitchboardBenchmark benchmark = new SwitchboardBenchmark(node, echo);
			try {
				// A first round warms up the JIT on both servers and is not counted.
				System.out.printf(Locale.ROOT, "warm-up: %s%n", benchmark.round(seconds, rate, rooms2, rooms10));
				for (int round = 1; round <= rounds; round++) {
					Map<String, Double> figures = benchmark.round(seconds, rate, rooms2, rooms10);
					figures
						.forEach((name, value) -> results.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value));
					System.out.printf(Locale.ROOT, "round %d: %s%n", round, figures);
				}
				System.out.printf(Locale.ROOT, "connections closed by the switchboard itself: %s%n", node.closes);
			}
			finally {
				benchmark.clients.shutdownGracefully().syncUninterruptibly();
			}
		}
		report(results);
	}

	private static void report(Map<String, List<Double>> results) {
		System.out.println();
		System.out.println("median [min .. max] of the rounds");
		results.forEach((name, values) -> System.out.printf(Locale.ROOT, "  %-26s %s%n", name,
				Stats.summary(values, name.endsWith("/s") ? "%,.0f" : "%.3f")));
		double echo = Stats.median(results.get("echo lines/s"));
		System.out.printf(Locale.ROOT, "  %-26s %.2f%n", "sb-2 / echo (throughput)",
				Stats.median(results.get("sb-2 relayed/s")) / echo);
		System.out.printf(Locale.ROOT, "  %-26s %.2f%n", "sb-10 / echo (throughput)",
				Stats.median(results.get("sb-10 relayed/s")) / echo);
	}

	private Map<String, Double> round(double seconds, int rate, int rooms2, int rooms10) throws Exception {
		Map<String, Double> figures = new java.util.LinkedHashMap<>();
		figures.put("echo lines/s", echoThroughput(rooms2, seconds));
		figures.put("sb-2 relayed/s", roomThroughput(rooms2, 2, seconds));
		figures.put("sb-10 relayed/s", roomThroughput(rooms10, 10, seconds));
		long[] echoLatency = echoLatency(rooms2, rate, seconds);
		figures.put("echo p50 ms", echoLatency[0] / 1e6);
		figures.put("echo p99 ms", echoLatency[1] / 1e6);
		long[] latency2 = roomLatency(rooms2, 2, rate, seconds);
		figures.put("sb-2 ACK p50 ms", latency2[0] / 1e6);
		figures.put("sb-2 ACK p99 ms", latency2[1] / 1e6);
		long[] latency10 = roomLatency(rooms10, 10, rate, seconds);
		figures.put("sb-10 ACK p50 ms", latency10[0] / 1e6);
		figures.put("sb-10 ACK p99 ms", latency10[1] / 1e6);
		return figures;
	}

	// ---- throughput

	private double roomThroughput(int rooms, int size, double seconds) throws Exception {
		List<Room> all = new ArrayList<>();
		for (int i = 0; i < rooms; i++) {
			all.add(openRoom(size));
		}
		ByteBuf template = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(encodeMsg("1", "U")));
		onClientLoop(() -> all.forEach((room) -> room.flood(template)));
		double rate = measure(seconds, () -> all.stream().mapToLong(Room::relayed).sum());
		onClientLoop(() -> all.forEach(Room::stop));
		all.forEach(Room::close);
		return rate;
	}

	private double echoThroughput(int connections, double seconds) throws Exception {
		List<EchoPeer> all = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			all.add(EchoPeer.connect(this.clients, this.echo.address()));
		}
		byte[] line = ("x".repeat(LINE_BYTES - 1) + "\n").getBytes(StandardCharsets.US_ASCII);
		ByteBuf template = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(line));
		onClientLoop(() -> all.forEach((peer) -> peer.flood(template)));
		double rate = measure(seconds, () -> all.stream().mapToLong((peer) -> peer.received).sum());
		onClientLoop(() -> all.forEach((peer) -> peer.flooding = false));
		all.forEach((peer) -> peer.channel.close().syncUninterruptibly());
		return rate;
	}

	/** Lines per second counted over {@code seconds}, after a warm-up. */
	private double measure(double seconds, java.util.function.LongSupplier counter) throws Exception {
		Thread.sleep((long) (WARMUP_SECONDS * 1000));
		long before = onClientLoop(counter::getAsLong);
		long start = System.nanoTime();
		Thread.sleep((long) (seconds * 1000));
		long after = onClientLoop(counter::getAsLong);
		return (after - before) / ((System.nanoTime() - start) / 1e9);
	}

	// ---- latency

	private long[] roomLatency(int rooms, int size, int rate, double seconds) throws Exception {
		List<Room> all = new ArrayList<>();
		for (int i = 0; i < rooms; i++) {
			all.add(openRoom(size));
		}
		Latencies latencies = new Latencies((int) (rate * (seconds + WARMUP_SECONDS)) + 1024);
		ScheduledFuture<?> ticker = offer(rate, rooms, (room, seq) -> all.get(room).sendAcknowledged(seq, latencies));
		Thread.sleep((long) (WARMUP_SECONDS * 1000));
		onClientLoop(latencies::startRecording);
		Thread.sleep((long) (seconds * 1000));
		ticker.cancel(false);
		long[] result = onClientLoop(latencies::percentiles);
		all.forEach(Room::close);
		return result;
	}

	private long[] echoLatency(int connections, int rate, double seconds) throws Exception {
		List<EchoPeer> all = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			all.add(EchoPeer.connect(this.clients, this.echo.address()));
		}
		Latencies latencies = new Latencies((int) (rate * (seconds + WARMUP_SECONDS)) + 1024);
		all.forEach((peer) -> peer.latencies = latencies);
		ScheduledFuture<?> ticker = offer(rate, connections, (peer, seq) -> all.get(peer).sendTimed(seq, latencies));
		Thread.sleep((long) (WARMUP_SECONDS * 1000));
		onClientLoop(latencies::startRecording);
		Thread.sleep((long) (seconds * 1000));
		ticker.cancel(false);
		long[] result = onClientLoop(latencies::percentiles);
		all.forEach((peer) -> peer.channel.close().syncUninterruptibly());
		return result;
	}

	/**
	 * Every millisecond, sends what is due at {@code rate} messages per second, spread
	 * round-robin over {@code targets}.
	 */
	private ScheduledFuture<?> offer(int rate, int targets, Sender sender) {
		long start = System.nanoTime();
		int[] sent = { 0 };
		return this.clientLoop.scheduleAtFixedRate(() -> {
			long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
			while (sent[0] < due) {
				sender.send(sent[0] % targets, sent[0]);
				sent[0]++;
			}
		}, 0, 1, TimeUnit.MILLISECONDS);
	}

	@FunctionalInterface
	private interface Sender {

		void send(int target, int seq);

	}

	// ---- rooms

	/**
	 * Opens a room the way clients do: {@code USR} with a {@code CALLER} ticket, then
	 * {@code CAL} and {@code ANS} for each invitee, with the ticket the ringer delivered.
	 */
	private Room openRoom(int size) throws Exception {
		InetSocketAddress address = this.node.server.localAddress();
		List<String> handles = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String handle = "user" + (this.users++) + "@bench.test";
			handles.add(handle);
			this.node.ringer.put(handle, Presence.online("U" + this.users));
		}
		Peer caller = Peer.connect(this.clients, address);
		caller.send(new SbUsr("1", handles.get(0),
				this.node.issuer.issueCaller(this.node.address(), handles.get(0), "U" + handles.get(0).hashCode()))
			.toFrame());
		caller.expect("USR");
		List<Peer> peers = new ArrayList<>(List.of(caller));
		for (int i = 1; i < size; i++) {
			caller.send(new Cal(Integer.toString(i + 1), handles.get(i)).toFrame());
			String sessionId = caller.expect("CAL").token(2);
			String callee = handles.get(i);
			Invitation invitation = this.node.ringer.delivered()
				.stream()
				.filter((sent) -> sent.callee().equals(callee) && sent.sessionId().equals(sessionId))
				.findFirst()
				.orElseThrow();
			Peer invitee = Peer.connect(this.clients, address);
			invitee.send(new Ans("1", callee, invitation.ticket(), sessionId).toFrame());
			for (int iro = 0; iro < i; iro++) {
				invitee.expect("IRO");
			}
			invitee.expect("ANS");
			peers.add(invitee);
		}
		for (Peer peer : peers) {
			peer.control.clear(); // the JOIs
		}
		Room room = new Room(peers);
		peers.forEach((peer) -> peer.room = room);
		return room;
	}

	private static byte[] encodeMsg(String trId, String mode) {
		return MsnpFrameEncoder.toBytes(Frame.withPayload("MSG", List.of(trId, mode), PAYLOAD));
	}

	private <T> T onClientLoop(java.util.concurrent.Callable<T> task) throws Exception {
		return this.clientLoop.submit(task).get(10, TimeUnit.SECONDS);
	}

	private void onClientLoop(Runnable task) throws Exception {
		this.clientLoop.submit(task).get(10, TimeUnit.SECONDS);
	}

	/**
	 * One room's connections: the first sends, the others receive. Touched only on the
	 * client event loop (all benchmark connections share it).
	 */
	private static final class Room {

		final Peer sender;

		final List<Peer> receivers;

		ByteBuf template;

		boolean flooding;

		long sent;

		Room(List<Peer> peers) {
			this.sender = peers.get(0);
			this.receivers = peers.subList(1, peers.size());
		}

		long relayed() {
			return this.receivers.stream().mapToLong((peer) -> peer.received).sum();
		}

		void flood(ByteBuf template) {
			this.template = template;
			this.flooding = true;
			pump();
		}

		/** Writes while the sender's connection is writable and within the window. */
		void pump() {
			if (!this.flooding) {
				return;
			}
			Channel channel = this.sender.channel;
			long slowest = this.receivers.stream().mapToLong((peer) -> peer.received).min().orElse(0);
			boolean wrote = false;
			while (channel.isWritable() && this.sent - slowest < window) {
				channel.write(this.template.duplicate(), channel.voidPromise());
				this.sent++;
				wrote = true;
			}
			if (wrote) {
				channel.flush();
			}
		}

		void stop() {
			this.flooding = false;
		}

		void sendAcknowledged(int seq, Latencies latencies) {
			this.sender.latencies = latencies;
			latencies.sent(seq);
			this.sender.channel.writeAndFlush(Unpooled.wrappedBuffer(encodeMsg(Integer.toString(seq), "A")),
					this.sender.channel.voidPromise());
		}

		void close() {
			for (Peer peer : this.receivers) {
				peer.channel.close().syncUninterruptibly();
			}
			this.sender.channel.close().syncUninterruptibly();
		}

	}

	/**
	 * An MSNP connection: counts relayed messages, times acknowledgements, queues the
	 * rest.
	 */
	private static final class Peer extends ChannelInboundHandlerAdapter {

		final BlockingQueue<Frame> control = new LinkedBlockingQueue<>();

		Channel channel;

		Room room;

		Latencies latencies;

		long received;

		static Peer connect(EventLoopGroup group, InetSocketAddress address) {
			Peer peer = new Peer();
			peer.channel = new Bootstrap().group(group)
				.channel(NioSocketChannel.class)
				.option(ChannelOption.TCP_NODELAY, true)
				.handler(new ChannelInitializer<>() {
					@Override
					protected void initChannel(Channel channel) {
						channel.pipeline()
							.addLast(new MsnpFrameDecoder(WireLimits.CLIENT, PayloadRules.CLIENT_INBOUND),
									MsnpFrameEncoder.INSTANCE, peer);
					}
				})
				.connect(address)
				.syncUninterruptibly()
				.channel();
			return peer;
		}

		void send(Frame frame) {
			this.channel.writeAndFlush(frame).syncUninterruptibly();
		}

		/**
		 * The next line with this verb, skipping the {@code JOI}s of earlier invitees.
		 */
		Frame expect(String verb) throws InterruptedException {
			Frame frame = this.control.poll(5, TimeUnit.SECONDS);
			while (frame != null && frame.verb().equals("JOI") && !verb.equals("JOI")) {
				frame = this.control.poll(5, TimeUnit.SECONDS);
			}
			if (frame == null || !frame.verb().equals(verb)) {
				throw new IllegalStateException("expected " + verb + " but got " + frame);
			}
			return frame;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (!(msg instanceof Frame frame)) {
				throw new IllegalStateException("framing error from the switchboard: " + msg);
			}
			switch (frame.verb()) {
				case "MSG" -> {
					this.received++;
					if (this.room != null && (this.received & 31) == 0) {
						this.room.pump();
					}
				}
				case "ACK" -> this.latencies.acknowledged(Integer.parseInt(frame.token(0)));
				default -> this.control.add(frame);
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close(); // closed at the end of a scenario while lines were in flight
		}

		@Override
		public void channelWritabilityChanged(ChannelHandlerContext ctx) {
			if (this.room != null && ctx.channel().isWritable()) {
				this.room.pump();
			}
			ctx.fireChannelWritabilityChanged();
		}

	}

	/** A connection to the echo server. Touched only on the client event loop. */
	private static final class EchoPeer extends ChannelInboundHandlerAdapter {

		Channel channel;

		ByteBuf template;

		boolean flooding;

		long sent;

		long received;

		Latencies latencies;

		static EchoPeer connect(EventLoopGroup group, InetSocketAddress address) {
			EchoPeer peer = new EchoPeer();
			peer.channel = new Bootstrap().group(group)
				.channel(NioSocketChannel.class)
				.option(ChannelOption.TCP_NODELAY, true)
				.handler(new ChannelInitializer<>() {
					@Override
					protected void initChannel(Channel channel) {
						channel.pipeline().addLast(new LineBasedFrameDecoder(8192), peer);
					}
				})
				.connect(address)
				.syncUninterruptibly()
				.channel();
			return peer;
		}

		void flood(ByteBuf template) {
			this.template = template;
			this.flooding = true;
			pump();
		}

		void pump() {
			boolean wrote = false;
			while (this.flooding && this.channel.isWritable() && this.sent - this.received < window) {
				this.channel.write(this.template.duplicate(), this.channel.voidPromise());
				this.sent++;
				wrote = true;
			}
			if (wrote) {
				this.channel.flush();
			}
		}

		void sendTimed(int seq, Latencies latencies) {
			latencies.sent(seq);
			String head = Integer.toString(seq) + " ";
			byte[] line = (head + "x".repeat(LINE_BYTES - 1 - head.length()) + "\n")
				.getBytes(StandardCharsets.US_ASCII);
			this.channel.writeAndFlush(Unpooled.wrappedBuffer(line), this.channel.voidPromise());
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ByteBuf line = (ByteBuf) msg;
			try {
				this.received++;
				if (this.latencies != null) {
					int space = line.indexOf(line.readerIndex(), line.writerIndex(), (byte) ' ');
					this.latencies.acknowledged(Integer.parseInt(
							line.toString(line.readerIndex(), space - line.readerIndex(), StandardCharsets.US_ASCII)));
				}
				else if ((this.received & 31) == 0) {
					pump();
				}
			}
			finally {
				ReferenceCountUtil.release(line);
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close(); // closed at the end of a scenario while lines were in flight
		}

		@Override
		public void channelWritabilityChanged(ChannelHandlerContext ctx) {
			if (ctx.channel().isWritable()) {
				pump();
			}
			ctx.fireChannelWritabilityChanged();
		}

	}

	/** Send times by sequence number and the latencies measured after the warm-up. */
	private static final class Latencies {

		private final long[] sentAt;

		private final long[] samples;

		private int count;

		private boolean recording;

		Latencies(int capacity) {
			this.sentAt = new long[capacity];
			this.samples = new long[capacity];
		}

		void sent(int seq) {
			if (seq < this.sentAt.length) {
				this.sentAt[seq] = System.nanoTime();
			}
		}

		void acknowledged(int seq) {
			if (this.recording && seq < this.sentAt.length && this.count < this.samples.length) {
				this.samples[this.count++] = System.nanoTime() - this.sentAt[seq];
			}
		}

		void startRecording() {
			this.recording = true;
		}

		long[] percentiles() {
			return new long[] { Stats.percentile(this.samples, this.count, 50),
					Stats.percentile(this.samples, this.count, 99) };
		}

	}

}
