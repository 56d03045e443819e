package org.butterfly.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.butterfly.protocol.command.DispatchCommandParser;
import org.butterfly.protocol.command.NotificationCommandParser;
import org.butterfly.protocol.command.Parsed;
import org.butterfly.protocol.command.SwitchboardCommandParser;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.FramingError;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the frame decoder and the three command parsers with Jazzer
 * (issue 11). In a normal build each target runs once per input of its committed corpus
 * ({@code src/test/resources/org/butterfly/protocol/MsnpFuzzTestInputs/<target>/}); with
 * {@code JAZZER_FUZZ=1} Jazzer mutates inputs for {@code maxDuration} (README). Every
 * crash Jazzer finds is written to that folder and so becomes a regression input.
 * <p>
 * Properties checked for any bytes: the decoder never throws, emits only frames and at
 * most one final {@link FramingError}, keeps every line and payload within the limits,
 * and decodes the same stream the same way however it is fragmented; a parser never
 * throws, whatever the frame and dialect.
 */
class MsnpFuzzTest {

	private static final PayloadRules[] RULES = { PayloadRules.DISPATCH_INBOUND, PayloadRules.NOTIFICATION_INBOUND,
			PayloadRules.SWITCHBOARD_INBOUND };

	@FuzzTest(maxDuration = "150s")
	void frameDecoder(FuzzedDataProvider data) {
		PayloadRules rules = data.pickValue(RULES);
		int[] cuts = data.consumeInts(data.consumeInt(0, 8));
		byte[] stream = data.consumeRemainingAsBytes();
		List<Object> whole = decode(rules, stream, new int[0]);
		List<Object> fragmented = decode(rules, stream, cuts);
		assertThat(fragmented).as("the same stream in pieces").isEqualTo(whole);
		for (int i = 0; i < whole.size(); i++) {
			Object out = whole.get(i);
			if (out instanceof FramingError.Reason) {
				assertThat(i).as("nothing after a framing error").isEqualTo(whole.size() - 1);
			}
			else {
				Frame frame = (Frame) out;
				assertThat(frame.verb()).isNotEmpty();
				assertThat(frame.line().length()).isLessThanOrEqualTo(WireLimits.SERVER.maxLineBytes());
				assertThat(frame.hasPayload() ? frame.payloadLength() : 0)
					.isLessThanOrEqualTo(WireLimits.SERVER.maxPayloadBytes());
			}
		}
	}

	@FuzzTest(maxDuration = "150s")
	void commandParsers(FuzzedDataProvider data) {
		Dialect dialect = data.pickValue(Dialect.values());
		byte[] stream = data.consumeRemainingAsBytes();
		for (PayloadRules rules : RULES) {
			for (Object out : decode(rules, stream, new int[0])) {
				if (out instanceof Frame frame) {
					assertThat(new DispatchCommandParser().parse(frame)).isInstanceOf(Parsed.class);
					assertThat(new NotificationCommandParser().parse(frame, dialect)).isInstanceOf(Parsed.class);
					assertThat(new SwitchboardCommandParser().parse(frame)).isInstanceOf(Parsed.class);
				}
			}
		}
	}

	/**
	 * Decodes {@code stream} written in pieces ending at the {@code cuts} (any ints;
	 * taken modulo the length).
	 */
	private static List<Object> decode(PayloadRules rules, byte[] stream, int[] cuts) {
		EmbeddedChannel channel = new EmbeddedChannel(new MsnpFrameDecoder(WireLimits.SERVER, rules));
		int[] ends = new int[cuts.length];
		for (int i = 0; i < cuts.length; i++) {
			ends[i] = (stream.length == 0) ? 0 : Math.floorMod(cuts[i], stream.length);
		}
		Arrays.sort(ends);
		int from = 0;
		for (int end : ends) {
			if (end > from) {
				channel.writeInbound(Unpooled.wrappedBuffer(stream, from, end - from));
				from = end;
			}
		}
		if (from < stream.length) {
			channel.writeInbound(Unpooled.wrappedBuffer(stream, from, stream.length - from));
		}
		List<Object> out = new ArrayList<>();
		for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
			// a framing error's detail may depend on where the stream was cut; its reason
			// must not
			out.add((message instanceof FramingError error) ? error.reason() : message);
		}
		channel.finishAndReleaseAll();
		return out;
	}

}
