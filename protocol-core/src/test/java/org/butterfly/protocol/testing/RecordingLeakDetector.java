package org.butterfly.protocol.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.ResourceLeakDetector;

/**
 * A Netty leak detector that records leak reports so tests can fail on them
 * ({@link NettyLeakDetection}). Netty instantiates it when the JVM runs with
 * {@code -Dio.netty.customResourceLeakDetector=} this class name, which protocol-core's
 * test configuration sets, before any buffer class is loaded.
 *
 * @param <T> the tracked resource type
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

	static final List<String> leaks = new CopyOnWriteArrayList<>();

	public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
		super(resourceType, samplingInterval);
	}

	@Override
	protected void reportTracedLeak(String resourceType, String records) {
		leaks.add(resourceType + records);
	}

	@Override
	protected void reportUntracedLeak(String resourceType) {
		leaks.add(resourceType);
	}

}
