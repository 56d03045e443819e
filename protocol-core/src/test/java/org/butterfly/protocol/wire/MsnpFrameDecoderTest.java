package org.butterfly.protocol.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.butterfly.protocol.testing.NettyLeakDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NettyLeakDetection.class)
class MsnpFrameDecoderTest {

	private EmbeddedChannel channel = server(PayloadRules.NOTIFICATION_INBOUND);

	@AfterEach
	void nothingLeftOver() {
		assertThat(this.channel.finish()).as("leftover messages").isFalse();
	}

	/**
	 * Every command line a client or a server sends in MSNP2-MSNP7 (msnp.md §16, §18),
	 * without payloads.
	 */
	static final List<String> LINES = List.of("VER 1 MSNP7 MSNP6 MSNP5 MSNP4 CVR0", "VER 1 MSNP5 CVR0", "INF 2",
			"INF 2 MD5", "USR 3 MD5 I alice@hotmail.com", "USR 6 MD5 S 1013928519.693957190",
			"USR 7 MD5 S e938940c21cf00fa0bc349db5d258ada", "USR 7 OK alice@hotmail.com Alice%20A. 1",
			"XFR 3 NS 10.0.0.5:1863 0 10.0.0.1:1863", "XFR 13 SB", "XFR 13 SB 10.0.0.20:1863 CKI 1050827118.4821.112",
			"CVR 10 0x0409 win 4.10 i386 MSMSGS 3.6.0038 MSMSGS",
			"CVR 10 4.6.0083 4.6.0083 4.6.0083 http://example.net/download http://example.net/info",
			"CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863", "SYN 8 5", "SYN 8 6", "GTC 8 6 A", "BLP 8 6 AL",
			"LST 8 FL 6 1 1 anotheruser@hotmail.com another%20user", "LST 8 BL 6 0 0", "LST 20 FL",
			"BPR 6 anotheruser@hotmail.com PHH 1%20(222)%203333", "PRP 10 PHH 123%20(4567)",
			"PRP 10 7 PHH 123%20(4567)", "CHG 9 NLN", "ILN 9 AWY bob@hotmail.com Bob%20B.",
			"NLN NLN alice@hotmail.com Alice%20A.", "FLN carol@hotmail.com",
			"ADD 10 FL carol@hotmail.com carol@hotmail.com", "ADD 0 RL 31 alice@hotmail.com Alice%20A.",
			"REM 37 AL bob@hotmail.com", "REM 0 RL 24 bob@hotmail.com", "REA 11 carol@hotmail.com Carol%20C.",
			"URL 20 INBOX", "URL 20 /cgi-bin/HoTMaiL https://login.example.net/ppsecure/md5auth.srf?lc=1033 2",
			"SDC 18 OK", "SND 5 frank@example.com 0x0409 MSMSGS MSMSGS",
			"FND 30 fname=Bob lname=* city=* state=* country=US", "IMS 4 ON", "IMS 4 0 OFF",
			"CHL 0 36820518423106149373", "QRY 7", "LSG 19", "LSG 8 52 1 3 0 Other%20Contacts 0", "ADG 10 Family 0",
			"ADG 10 53 Family 3 0", "RMG 14 2", "REG 11 3 Family%20%26%20Kin 0",
			"RNG 11752013 10.0.0.20:1863 CKI 1050827121.7734.519 alice@hotmail.com Alice%20A.", "PNG", "QNG", "OUT",
			"OUT OTH", "OUT SSD", "CAL 2 bob@hotmail.com", "CAL 2 RINGING 11752013",
			"ANS 1 bob@hotmail.com 1050827121.7734.519 11752013", "ANS 1 OK", "IRO 1 1 2 alice@hotmail.com Alice%20A.",
			"JOI bob@hotmail.com Bob%20B.", "ACK 3", "NAK 3", "BYE bob@hotmail.com", "BYE carol@hotmail.com 1", "911 7",
			"201 30");

	@Test
	void decodesEveryVerbAsOneFrameWithItsTokens() {
		// Lines of both directions: framed with no payload verbs, since SDC and QRY
		// replies carry none.
		this.channel = server(PayloadRules.DISPATCH_INBOUND);
		for (String line : LINES) {
			this.channel.writeInbound(ascii(line + "\r\n"));
			Frame frame = this.channel.readInbound();
			assertThat(frame.line()).isEqualTo(line);
			assertThat(frame.hasPayload()).isFalse();
			assertThat(MsnpFrameEncoder.toBytes(frame)).isEqualTo((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		}
	}

	@Test
	void decodesEveryVerbSplitAtEveryByte() {
		this.channel = server(PayloadRules.DISPATCH_INBOUND);
		StringBuilder all = new StringBuilder();
		LINES.forEach((line) -> all.append(line).append("\r\n"));
		for (byte b : all.toString().getBytes(StandardCharsets.US_ASCII)) {
			this.channel.writeInbound(Unpooled.wrappedBuffer(new byte[] { b }));
		}
		for (String line : LINES) {
			assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo(line);
		}
	}

	/**
	 * Every payload verb in each direction: lines with their payloads, including CR LF
	 * inside and length 0.
	 */
	static List<Object[]> payloadCases() {
		List<Object[]> cases = new ArrayList<>();
		cases.add(new Object[] { PayloadRules.SWITCHBOARD_INBOUND, "MSG 3 A",
				"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello Bob!" });
		cases.add(new Object[] { PayloadRules.SWITCHBOARD_INBOUND, "MSG 2 U", "MIME-Version: 1.0\r\n\r\n\r\n" });
		cases.add(new Object[] { PayloadRules.NOTIFICATION_INBOUND,
				"SDC 18 frank@example.com 0x0409 MSMSGS MSMSGS X X Alice%20(busy%20week)", "Join me on Messenger!" });
		cases.add(new Object[] { PayloadRules.NOTIFICATION_INBOUND,
				"SDC 19 grace@example.com 0x0409 MSMSGS MSMSGS X X Alice", "" });
		cases.add(new Object[] { PayloadRules.NOTIFICATION_INBOUND, "PAG 21 alice@hotmail.com",
				"<TEXT xml:space=\"preserve\">Call me back please</TEXT>" });
		cases.add(new Object[] { PayloadRules.NOTIFICATION_INBOUND, "QRY 7 msmsgs@msnmsgr.com",
				"34edd82e71e9841885985da6540a3552" });
		cases.add(new Object[] { PayloadRules.CLIENT_INBOUND, "MSG Hotmail Hotmail",
				"MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsprofile; charset=UTF-8\r\nLoginTime: 1726321960\r\n\r\n" });
		cases.add(new Object[] { PayloadRules.CLIENT_INBOUND, "MSG alice@hotmail.com Alice%20A.",
				"Gr\u00fc\u00dfe \u2603\r\n" });
		cases.add(new Object[] { PayloadRules.CLIENT_INBOUND, "NOT",
				"<NOTIFICATION ver=\"1\" id=\"1\">\r\n</NOTIFICATION>" });
		cases.add(new Object[] { PayloadRules.CLIENT_INBOUND, "IPG", "<NOTIFICATION id=\"0\">\r\n</NOTIFICATION>" });
		return cases;
	}

	@Test
	void payloadCommandsDecodeWholeSplitAtEveryByteAndBackToBack() {
		for (Object[] c : payloadCases()) {
			PayloadRules rules = (PayloadRules) c[0];
			String line = (String) c[1];
			byte[] payload = ((String) c[2]).getBytes(StandardCharsets.UTF_8);
			byte[] wire = concat((line + " " + payload.length + "\r\n").getBytes(StandardCharsets.UTF_8), payload);

			EmbeddedChannel whole = server(rules);
			whole.writeInbound(Unpooled.wrappedBuffer(wire));
			assertPayloadFrame(whole.readInbound(), line, payload);
			assertThat(whole.finish()).isFalse();

			for (int split = 1; split < wire.length; split++) {
				EmbeddedChannel pieces = server(rules);
				pieces.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
				pieces.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
				assertPayloadFrame(pieces.readInbound(), line, payload);
				assertThat(pieces.finish()).as("split at %d of %s", split, line).isFalse();
			}

			EmbeddedChannel bytes = server(rules);
			for (byte b : wire) {
				bytes.writeInbound(Unpooled.wrappedBuffer(new byte[] { b }));
			}
			assertPayloadFrame(bytes.readInbound(), line, payload);
			assertThat(bytes.finish()).isFalse();

			EmbeddedChannel twice = server(rules);
			twice.writeInbound(Unpooled.wrappedBuffer(concat(wire, concat(wire, "PNG\r\n".getBytes()))));
			assertPayloadFrame(twice.readInbound(), line, payload);
			assertPayloadFrame(twice.readInbound(), line, payload);
			assertThat(((Frame) twice.readInbound()).verb()).isEqualTo("PNG");
			assertThat(twice.finish()).isFalse();
		}
	}

	@Test
	void payloadVerbsOfOtherDirectionsAreOrdinaryLines() {
		// NOT is a payload verb towards clients only: from a client it is a line (and an
		// unknown verb later).
		this.channel.writeInbound(ascii("NOT 5\r\nMSG 1 U 3\r\n"));
		assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo("NOT 5");
		assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo("MSG 1 U 3");
	}

	@Test
	void toleratesBareLfRunsOfBlanksTrailingSpacesAndEmptyLines() {
		this.channel.writeInbound(ascii("INF 2 \r\n\r\n\nCHG  9\tNLN\nSYN 8 0\r\n"));
		assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo("INF 2");
		assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo("CHG 9 NLN");
		assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo("SYN 8 0");
	}

	@Test
	void anOversizedLineIsRejectedBeforeItIsBuffered() {
		this.channel = server(PayloadRules.NOTIFICATION_INBOUND);
		// 4098 bytes without LF: more than a 4096-byte line and its CR LF could be;
		// nothing further is kept.
		this.channel.writeInbound(ascii("X".repeat(4098)));
		assertFraming(FramingError.Reason.LINE_TOO_LONG);
		this.channel.writeInbound(ascii("INF 2\r\n"));
		assertThat((Object) this.channel.readInbound()).as("discarding after a framing error").isNull();
	}

	@Test
	void theLongestAllowedLineIsAccepted() {
		String line = "REA 1 bob@hotmail.com " + "a".repeat(4096 - 22);
		assertThat(line).hasSize(4096);
		this.channel.writeInbound(ascii(line + "\r\n"));
		assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo(line);
		this.channel.writeInbound(ascii(line + "a\r\n"));
		assertFraming(FramingError.Reason.LINE_TOO_LONG);
	}

	@Test
	void anOversizedPayloadIsRejectedBeforeItsBytesArrive() {
		this.channel = server(PayloadRules.SWITCHBOARD_INBOUND);
		this.channel.writeInbound(ascii("MSG 1 N 1665\r\n"));
		assertFraming(FramingError.Reason.PAYLOAD_TOO_LARGE);
		this.channel = server(PayloadRules.SWITCHBOARD_INBOUND);
		this.channel.writeInbound(ascii("MSG 1 N 1664\r\n"));
		assertThat((Object) this.channel.readInbound()).isNull();
		this.channel.writeInbound(Unpooled.wrappedBuffer(new byte[1664]));
		assertThat(((Frame) this.channel.readInbound()).payloadLength()).isEqualTo(1664);
	}

	@ParameterizedTest
	@ValueSource(strings = { "MSG 1 N -1", "MSG 1 N +5", "MSG 1 N 0x10", "MSG 1 N five", "MSG 1 N 99999999999",
			"MSG 1 N 1 2 3 4 5 6 7 8 x", "MSG" })
	void anInvalidByteCountIsAFramingError(String line) {
		this.channel = server(PayloadRules.SWITCHBOARD_INBOUND);
		this.channel.writeInbound(ascii(line + "\r\nhello"));
		assertFraming(FramingError.Reason.INVALID_BYTE_COUNT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "INF\u0000 2", "INF 2\u0001", "\u001b[2J", "CHG 1 NLN\u007f" })
	void controlCharactersAreAFramingError(String line) {
		this.channel.writeInbound(Unpooled.wrappedBuffer((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
		assertFraming(FramingError.Reason.INVALID_TEXT);
	}

	@Test
	void invalidUtf8IsAFramingErrorAndValidUtf8Passes() {
		this.channel.writeInbound(Unpooled
			.wrappedBuffer(concat("REA 1 a@b.c Gr".getBytes(), new byte[] { (byte) 0xc3, (byte) 0xbc, '\r', '\n' })));
		assertThat(((Frame) this.channel.readInbound()).token(2)).isEqualTo("Gr\u00fc");
		this.channel.writeInbound(Unpooled
			.wrappedBuffer(concat("REA 1 a@b.c ".getBytes(), new byte[] { (byte) 0xc3, (byte) 0x28, '\r', '\n' })));
		assertFraming(FramingError.Reason.INVALID_TEXT);
	}

	@Test
	void binaryGarbageIsRejectedWithoutLeaks() {
		java.util.Random random = new java.util.Random(42);
		for (int round = 0; round < 200; round++) {
			EmbeddedChannel garbage = server(PayloadRules.SWITCHBOARD_INBOUND);
			byte[] bytes = new byte[1 + random.nextInt(6000)];
			random.nextBytes(bytes);
			garbage.writeInbound(Unpooled.wrappedBuffer(bytes));
			Object first = garbage.readInbound();
			while (first instanceof Frame) {
				first = garbage.readInbound(); // a lucky line of printable bytes may
												// decode
			}
			assertThat(first == null || first instanceof FramingError).isTrue();
			garbage.finishAndReleaseAll();
		}
	}

	@Test
	void strictModeRefusesWhatTheOutputRulesForbid() {
		for (String bad : List.of("INF 2\n", "INF 2 \r\n", "INF  2\r\n", " INF 2\r\n", "INF\t2\r\n", "\r\n")) {
			EmbeddedChannel strict = new EmbeddedChannel(
					new MsnpFrameDecoder(WireLimits.CLIENT, PayloadRules.CLIENT_INBOUND, true));
			strict.writeInbound(ascii(bad));
			assertThat((Object) strict.readInbound()).as(bad).isInstanceOf(FramingError.class);
			assertThat(strict.finish()).isFalse();
		}
		EmbeddedChannel strict = new EmbeddedChannel(
				new MsnpFrameDecoder(WireLimits.CLIENT, PayloadRules.CLIENT_INBOUND, true));
		strict.writeInbound(ascii("INF 2 MD5\r\n"));
		assertThat(((Frame) strict.readInbound()).line()).isEqualTo("INF 2 MD5");
		assertThat(strict.finish()).isFalse();
	}

	@Test
	void aLineWithoutItsEndIsHeldUntilItCompletes() {
		this.channel.writeInbound(ascii("SYN 8"));
		assertThat((Object) this.channel.readInbound()).isNull();
		this.channel.writeInbound(ascii(" 0\r"));
		assertThat((Object) this.channel.readInbound()).isNull();
		this.channel.writeInbound(ascii("\n"));
		assertThat(((Frame) this.channel.readInbound()).line()).isEqualTo("SYN 8 0");
	}

	private void assertFraming(FramingError.Reason reason) {
		Object message = this.channel.readInbound();
		assertThat(message).isInstanceOf(FramingError.class);
		assertThat(((FramingError) message).reason()).isEqualTo(reason);
	}

	private static void assertPayloadFrame(Object message, String line, byte[] payload) {
		assertThat(message).isInstanceOf(Frame.class);
		Frame frame = (Frame) message;
		assertThat(frame.line()).isEqualTo(line + " " + payload.length);
		assertThat(frame.payload()).isEqualTo(payload);
		assertThat(MsnpFrameEncoder.toBytes(frame))
			.isEqualTo(concat((line + " " + payload.length + "\r\n").getBytes(StandardCharsets.UTF_8), payload));
	}

	private static EmbeddedChannel server(PayloadRules rules) {
		return new EmbeddedChannel(new MsnpFrameDecoder(WireLimits.SERVER, rules));
	}

	private static ByteBuf ascii(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
