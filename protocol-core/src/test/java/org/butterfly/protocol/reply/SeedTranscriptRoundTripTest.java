package org.butterfly.protocol.reply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.butterfly.protocol.command.ClientCommand;
import org.butterfly.protocol.command.DispatchCommandParser;
import org.butterfly.protocol.command.NotificationCommandParser;
import org.butterfly.protocol.command.Parsed;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.vocab.VersionNegotiation;
import org.butterfly.protocol.testing.NettyLeakDetection;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed transcript (msnp.md §18 Example 0) byte for byte: every client line goes
 * through the server's decoder, the typed parser and back through the client encoding;
 * every server line is built by {@link Replies} and goes through the encoder and a strict
 * client decoder. The one deviation from the seed is documented: {@code VER} echoes
 * {@code CVR0} (docs/adr/0002).
 */
@ExtendWith(NettyLeakDetection.class)
class SeedTranscriptRoundTripTest {

	static final String NOTIFICATION = "<NOTIFICATION ver=\"1\" id=\"7\" siteid=\"111100000\" siteurl=\"http://alerts.example.net/\">\r\n"
			+ "<TO pid=\"0x00000000:0x0012d687\" name=\"example@hotmail.com\" />\r\n<MSG pri=\"\" id=\"7\">\r\n"
			+ "<ACTION url=\"alerts/show?item=42\" />\r\n<SUBSCR url=\"alerts/manage\" />\r\n"
			+ "<BODY lang=\"1033\" icon=\"\">\r\n<TEXT>Your order #42 has shipped and will arrive on Monday. "
			+ "Click here to follow the parcel. Thanks for shopping with us.</TEXT>\r\n</BODY>\r\n</MSG>\r\n</NOTIFICATION>";

	@Test
	void clientLinesRoundTripThroughDecoderParserAndEncoder() {
		List<String> dispatchLines = List.of("VER 1 MSNP5 MSNP4 CVR0", "INF 2", "USR 3 MD5 I example@hotmail.com");
		DispatchCommandParser dispatch = new DispatchCommandParser();
		for (String line : dispatchLines) {
			Frame frame = decodeOne(line + "\r\n", PayloadRules.DISPATCH_INBOUND, false);
			Parsed<?> parsed = dispatch.parse(frame);
			assertRoundTrip(line, parsed);
		}
		List<String> notificationLines = List.of("VER 4 MSNP5 MSNP4 CVR0", "INF 5", "USR 6 MD5 I example@hotmail.com",
				"USR 7 MD5 S 0123456789abcdef0123456789abcdef", "SYN 8 5", "CHG 9 NLN", "PRP 10 PHH 123%20(4567)",
				"OUT");
		NotificationCommandParser notification = new NotificationCommandParser();
		for (String line : notificationLines) {
			Frame frame = decodeOne(line + "\r\n", PayloadRules.NOTIFICATION_INBOUND, false);
			assertRoundTrip(line, notification.parse(frame, line.startsWith("VER") ? null : Dialect.MSNP5));
		}
	}

	@Test
	void serverLinesAreBuiltExactlyAsTheSeedShowsThem() {
		Dialect msnp5 = Dialect.MSNP5;
		VersionNegotiation negotiation = VersionNegotiation.negotiate(List.of("MSNP5", "MSNP4", "CVR0"));
		List<Frame> frames = new ArrayList<>(List.of(Replies.ver("1", negotiation), Replies.inf("2"),
				Replies.xfrNs("3", msnp5, "10.0.0.5:1863", "10.0.0.1:1863"), Replies.ver("4", negotiation),
				Replies.inf("5"), Replies.usrChallenge("6", "prefix"),
				Replies.usrOk("7", msnp5, "example@hotmail.com", "example%20user", true), Replies.syn("8", 6),
				Replies.gtc("8", 6, "A"), Replies.blp("8", 6, "AL"),
				Replies.lst("8", msnp5, ListType.FL, 6, 1, 1, "anotheruser@hotmail.com", "another%20user", List.of(0)),
				Replies.bpr(6, "anotheruser@hotmail.com", "PHH", "1%20(222)%203333"),
				Replies.bpr(6, "anotheruser@hotmail.com", "PHW", null),
				Replies.bpr(6, "anotheruser@hotmail.com", "PHM", null),
				Replies.bpr(6, "anotheruser@hotmail.com", "MOB", "N"),
				Replies.lst("8", msnp5, ListType.AL, 6, 1, 1, "anotheruser@hotmail.com", "another%20user", null),
				Replies.lstEmpty("8", ListType.BL, 6),
				Replies.lst("8", msnp5, ListType.RL, 6, 1, 1, "anotheruser@hotmail.com", "another%20user", null),
				Replies.chg("9", Status.NLN), Replies.not(NOTIFICATION), Replies.prp("10", 7, "PHH", "123%20(4567)"),
				Replies.bpr(8, "anotheruser@hotmail.com", "PHH", "1%20(222)%20333%204444"), Replies.OUT));
		List<String> expected = List.of("VER 1 MSNP5 CVR0", "INF 2 MD5", "XFR 3 NS 10.0.0.5:1863 0", "VER 4 MSNP5 CVR0",
				"INF 5 MD5", "USR 6 MD5 S prefix", "USR 7 OK example@hotmail.com example%20user", "SYN 8 6",
				"GTC 8 6 A", "BLP 8 6 AL", "LST 8 FL 6 1 1 anotheruser@hotmail.com another%20user",
				"BPR 6 anotheruser@hotmail.com PHH 1%20(222)%203333", "BPR 6 anotheruser@hotmail.com PHW",
				"BPR 6 anotheruser@hotmail.com PHM", "BPR 6 anotheruser@hotmail.com MOB N",
				"LST 8 AL 6 1 1 anotheruser@hotmail.com another%20user", "LST 8 BL 6 0 0",
				"LST 8 RL 6 1 1 anotheruser@hotmail.com another%20user", "CHG 9 NLN", "NOT 431",
				"PRP 10 7 PHH 123%20(4567)", "BPR 8 anotheruser@hotmail.com PHH 1%20(222)%20333%204444", "OUT");
		StringBuilder wire = new StringBuilder();
		for (String line : expected) {
			wire.append(line).append("\r\n");
			if (line.equals("NOT 431")) {
				wire.append(NOTIFICATION);
			}
		}
		StringBuilder encoded = new StringBuilder();
		frames.forEach((frame) -> encoded.append(new String(MsnpFrameEncoder.toBytes(frame), StandardCharsets.UTF_8)));
		assertThat(encoded.toString()).isEqualTo(wire.toString());

		// And a strict client reads them back as the same frames.
		EmbeddedChannel client = new EmbeddedChannel(
				new MsnpFrameDecoder(WireLimits.CLIENT, PayloadRules.CLIENT_INBOUND, true));
		client.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8));
		for (Frame frame : frames) {
			assertThat((Object) client.readInbound()).isEqualTo(frame);
		}
		assertThat(client.finish()).isFalse();
	}

	private static void assertRoundTrip(String line, Parsed<?> parsed) {
		assertThat(parsed).as(line).isInstanceOf(Parsed.Command.class);
		ClientCommand command = (ClientCommand) ((Parsed.Command<?>) parsed).command();
		assertThat(new String(MsnpFrameEncoder.toBytes(command.toFrame()), StandardCharsets.US_ASCII))
			.isEqualTo(line + "\r\n");
	}

	private static Frame decodeOne(String wire, PayloadRules rules, boolean strict) {
		EmbeddedChannel channel = new EmbeddedChannel(new MsnpFrameDecoder(WireLimits.SERVER, rules, strict));
		channel.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8));
		Frame frame = channel.readInbound();
		assertThat(channel.finish()).isFalse();
		return frame;
	}

	@SuppressWarnings("unused")
	private static OptionalInt none() {
		return OptionalInt.empty();
	}

}
