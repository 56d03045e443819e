package org.butterfly.benchmarks.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import org.butterfly.protocol.command.NotificationCommandParser;
import org.butterfly.protocol.command.Parsed;
import org.butterfly.protocol.command.SwitchboardCommandParser;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode + parse + encode throughput of protocol-core for a realistic command mix, beside
 * a baseline measured in the same run: Netty's own {@link LineBasedFrameDecoder} +
 * {@link StringDecoder} splitting the same bytes into strings (no payload awareness, no
 * parsing, no encoding). The figure to report is the ratio.
 * <p>
 * The mix is one notification-server sign-in and session (VER ... SYN, CHG, ADD, PRP,
 * PNG) and a switchboard chat burst (typing notification, three text messages), with each
 * decoded command answered by the line a server would send.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class CodecBenchmark {

	static final String TEXT = "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
			+ "X-MMS-IM-Format: FN=MS%20Sans%20Serif; EF=; CO=0; CS=0; PF=0\r\n\r\nHello Bob! How are you today?";

	static final String TYPING = "MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: bob@hotmail.com\r\n\r\n\r\n";

	static final byte[] NOTIFICATION_MIX = join("VER 4 MSNP5 MSNP4 CVR0\r\n", "INF 5\r\n",
			"USR 6 MD5 I alice@hotmail.com\r\n", "USR 7 MD5 S e938940c21cf00fa0bc349db5d258ada\r\n", "SYN 8 5\r\n",
			"CHG 9 NLN\r\n", "ADD 10 FL carol@hotmail.com carol@hotmail.com\r\n", "PRP 11 PHH 123%20(4567)\r\n",
			"REA 12 alice@hotmail.com Alice%20(busy%20week)\r\n", "PNG\r\n", "CHG 13 AWY\r\n");

	static final byte[] SWITCHBOARD_MIX = join(msg("1", "U", TYPING), msg("2", "A", TEXT), msg("3", "N", TEXT),
			msg("4", "A", TEXT), "CAL 5 carol@hotmail.com\r\n");

	private EmbeddedChannel notificationServer;

	private EmbeddedChannel switchboardServer;

	private EmbeddedChannel baseline;

	private final NotificationCommandParser notificationParser = new NotificationCommandParser();

	private final SwitchboardCommandParser switchboardParser = new SwitchboardCommandParser();

	@Setup(Level.Trial)
	public void setUp() {
		this.notificationServer = new EmbeddedChannel(
				new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.NOTIFICATION_INBOUND), MsnpFrameEncoder.INSTANCE);
		this.switchboardServer = new EmbeddedChannel(
				new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.SWITCHBOARD_INBOUND), MsnpFrameEncoder.INSTANCE);
		this.baseline = new EmbeddedChannel(new LineBasedFrameDecoder(4096), new StringDecoder(StandardCharsets.UTF_8));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.notificationServer.finishAndReleaseAll();
		this.switchboardServer.finishAndReleaseAll();
		this.baseline.finishAndReleaseAll();
	}

	/** Butterfly: decode, parse to typed commands, build and encode a reply for each. */
	@Benchmark
	public void butterfly(Blackhole blackhole) {
		this.notificationServer.writeInbound(Unpooled.wrappedBuffer(NOTIFICATION_MIX));
		Object message;
		while ((message = this.notificationServer.readInbound()) != null) {
			Frame frame = (Frame) message;
			Parsed<?> parsed = this.notificationParser.parse(frame, Dialect.MSNP5);
			blackhole.consume(parsed);
			this.notificationServer.writeOutbound(replyTo(frame));
		}
		this.switchboardServer.writeInbound(Unpooled.wrappedBuffer(SWITCHBOARD_MIX));
		while ((message = this.switchboardServer.readInbound()) != null) {
			Frame frame = (Frame) message;
			blackhole.consume(this.switchboardParser.parse(frame));
			this.switchboardServer.writeOutbound(frame.hasPayload()
					? Replies.msg("alice@hotmail.com", "Alice%20A.", frame.payload()) : Replies.calRinging("5", "1"));
		}
		drain(this.notificationServer, blackhole);
		drain(this.switchboardServer, blackhole);
	}

	/**
	 * Baseline: Netty's line splitter turning the same bytes into strings, nothing else.
	 */
	@Benchmark
	public void nettyLineSplitBaseline(Blackhole blackhole) {
		this.baseline.writeInbound(Unpooled.wrappedBuffer(NOTIFICATION_MIX));
		this.baseline.writeInbound(Unpooled.wrappedBuffer(SWITCHBOARD_MIX));
		Object message;
		while ((message = this.baseline.readInbound()) != null) {
			blackhole.consume(message);
		}
	}

	private static Frame replyTo(Frame frame) {
		String trId = frame.tokenCount() > 0 ? frame.token(0) : "0";
		return switch (frame.verb()) {
			case "SYN" -> Replies.syn(trId, 6);
			case "CHG" -> Replies.chg(trId, Status.NLN);
			case "ADD" -> Replies.add(trId, ListType.FL, 15, "carol@hotmail.com", "carol@hotmail.com", null);
			case "PRP" -> Replies.prp(trId, 16, "PHH", "123%20(4567)");
			case "PNG" -> Replies.QNG;
			default -> Replies.inf(trId);
		};
	}

	private static void drain(EmbeddedChannel channel, Blackhole blackhole) {
		Object out;
		while ((out = channel.readOutbound()) != null) {
			blackhole.consume(out);
			((ByteBuf) out).release();
		}
	}

	private static String msg(String trId, String mode, String payload) {
		return "MSG " + trId + " " + mode + " " + payload.getBytes(StandardCharsets.UTF_8).length + "\r\n" + payload;
	}

	private static byte[] join(String... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List.of(parts).forEach((part) -> out.writeBytes(part.getBytes(StandardCharsets.UTF_8)));
		return out.toByteArray();
	}

}
