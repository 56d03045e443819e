package org.butterfly.protocol.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one read decodes goes on as one batch, in order; a lone frame as itself; a long
 * read in batches of at most {@value FrameBatcher#MAX_BATCH}; nothing is held back past
 * the end of a read, an event or the connection's end.
 */
class FrameBatcherTest {

	private final List<Object> passed = new ArrayList<>();

	private final EmbeddedChannel channel = new EmbeddedChannel(new FrameBatcher(), new ChannelInboundHandlerAdapter() {
		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			FrameBatcherTest.this.passed.add(msg);
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
			FrameBatcherTest.this.passed.add(event);
		}
	});

	@Test
	void oneReadIsOneBatchInOrder() {
		read(frame(1), frame(2), frame(3));
		assertThat(this.passed).containsExactly(new FrameBatch(List.of(frame(1), frame(2), frame(3))));
	}

	@Test
	void aLoneFrameGoesOnAsItIs() {
		read(frame(1));
		read(frame(2));
		assertThat(this.passed).containsExactly(frame(1), frame(2));
	}

	@Test
	void aLongReadIsCutIntoBoundedBatches() {
		read(IntStream.rangeClosed(1, 2 * FrameBatcher.MAX_BATCH + 1).mapToObj(FrameBatcherTest::frame).toArray());
		assertThat(this.passed).hasSize(3);
		assertThat(((FrameBatch) this.passed.get(0)).messages()).hasSize(FrameBatcher.MAX_BATCH).startsWith(frame(1));
		assertThat(((FrameBatch) this.passed.get(1)).messages()).hasSize(FrameBatcher.MAX_BATCH);
		assertThat(this.passed.get(2)).isEqualTo(frame(2 * FrameBatcher.MAX_BATCH + 1));
	}

	@Test
	void framesReadBeforeAnEventOrTheEndStayBeforeIt() {
		this.channel.pipeline().fireChannelRead(frame(1));
		this.channel.pipeline().fireUserEventTriggered("idle");
		this.channel.pipeline().fireChannelRead(frame(2));
		this.channel.pipeline().fireChannelRead(frame(3));
		this.channel.close();
		assertThat(this.passed).containsExactly(frame(1), "idle", new FrameBatch(List.of(frame(2), frame(3))));
	}

	private void read(Object... frames) {
		for (Object frame : frames) {
			this.channel.pipeline().fireChannelRead(frame);
		}
		this.channel.pipeline().fireChannelReadComplete();
	}

	private static Frame frame(int trId) {
		return Frame.of("PNG", String.valueOf(trId));
	}

}
