package org.butterfly.protocol.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.butterfly.protocol.testing.NettyLeakDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(NettyLeakDetection.class)
class MsnpFrameEncoderTest {

	@Test
	void writesOneSpaceBetweenTokensAndCrLf() {
		assertThat(wire(Frame.of("INF", "2", "MD5"))).isEqualTo("INF 2 MD5\r\n");
		assertThat(wire(Frame.of("QNG"))).isEqualTo("QNG\r\n");
	}

	@Test
	void writesTheByteCountOfAPayloadAndThePayloadWithoutATrailingLineBreak() {
		Frame not = Frame.withPayload("NOT", List.of(), "<x>\u00e9</x>");
		assertThat(wire(not)).isEqualTo("NOT 9\r\n<x>\u00e9</x>");
		assertThat(wire(Frame.withPayload("SDC", List.of("19", "OK"), new byte[0]))).isEqualTo("SDC 19 OK 0\r\n");
	}

	@Test
	void refusesTokensThatWouldBreakTheOutputRules() {
		assertThatIllegalArgumentException().isThrownBy(() -> Frame.of("PRP", "8", "14", "PHW", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> Frame.of("REA", "1", "a@b.c", "two words"));
		assertThatIllegalArgumentException().isThrownBy(() -> Frame.of("NLN", "NLN\r\nOUT"));
	}

	@Test
	void encodesThroughThePipelineWithoutLeaks() {
		EmbeddedChannel channel = new EmbeddedChannel(MsnpFrameEncoder.INSTANCE);
		channel.writeOutbound(Frame.of("CHG", "9", "NLN"),
				Frame.withPayload("MSG", List.of("Hotmail", "Hotmail"), "ab"));
		ByteBuf first = channel.readOutbound();
		ByteBuf second = channel.readOutbound();
		assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("CHG 9 NLN\r\n");
		assertThat(second.toString(StandardCharsets.UTF_8)).isEqualTo("MSG Hotmail Hotmail 2\r\nab");
		first.release();
		second.release();
		assertThat(channel.finish()).isFalse();
	}

	private static String wire(Frame frame) {
		return new String(MsnpFrameEncoder.toBytes(frame), StandardCharsets.UTF_8);
	}

}
