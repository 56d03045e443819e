package org.butterfly.protocol.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leak check itself can fail: a buffer dropped without release is reported. */
class NettyLeakDetectionTest {

	private final NettyLeakDetection detection = new NettyLeakDetection();

	@Test
	void aDroppedBufferFailsTheCheck() {
		leakOne();
		assertThatThrownBy(() -> {
			for (int attempt = 0; attempt < 20; attempt++) {
				this.detection.afterEach(null);
			}
		}).isInstanceOf(AssertionError.class).hasMessageContaining("leaked");
	}

	private static void leakOne() {
		ByteBuf leaked = PooledByteBufAllocator.DEFAULT.buffer(16);
		leaked.writeInt(42);
	}

}
