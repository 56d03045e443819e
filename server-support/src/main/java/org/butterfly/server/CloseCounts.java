package org.butterfly.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.butterfly.protocol.pipeline.CloseReason;

/**
 * In-memory counters of closed connections by {@link CloseReason.Kind}, since start.
 * Thread-safe.
 */
public final class CloseCounts implements CloseCounter {

	private final Map<CloseReason.Kind, LongAdder> counts = new EnumMap<>(CloseReason.Kind.class);

	public CloseCounts() {
		for (CloseReason.Kind kind : CloseReason.Kind.values()) {
			this.counts.put(kind, new LongAdder());
		}
	}

	@Override
	public void closed(CloseReason.Kind kind) {
		this.counts.get(kind).increment();
	}

	/** How many connections the server closed for this kind of reason so far. */
	public long count(CloseReason.Kind kind) {
		return this.counts.get(kind).sum();
	}

}
