package org.butterfly.protocol.testing;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes Netty buffer leaks fail tests instead of only being logged: after each test it
 * forces a collection, lets the paranoid {@link RecordingLeakDetector} report what was
 * dropped unreleased, and fails the test if anything was. Use with
 * {@code @ExtendWith(NettyLeakDetection.class)} in a JVM started with
 * {@code -Dio.netty.customResourceLeakDetector=} that detector's class name, as
 * protocol-core's build does.
 */
public final class NettyLeakDetection implements BeforeAllCallback, AfterEachCallback {

	private static final List<String> leaks = RecordingLeakDetector.leaks;

	@Override
	public void beforeAll(ExtensionContext context) {
		leaks.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) throws InterruptedException {
		// A leak is reported when a buffer is tracked after its unreleased predecessor
		// was collected.
		for (int round = 0; round < 3 && leaks.isEmpty(); round++) {
			System.gc();
			Thread.sleep(20);
			for (int i = 0; i < 64; i++) {
				ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(8);
				probe.release();
			}
		}
		if (!leaks.isEmpty()) {
			List<String> found = List.copyOf(leaks);
			leaks.clear();
			throw new AssertionError("Netty buffers leaked:\n" + String.join("\n", found));
		}
	}

}
