package org.butterfly.server;

import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code burst} tokens, refilled at {@code perSecond} tokens a
 * second; each event takes one. Not thread-safe: each owner (a channel's event loop, a
 * session's worker) keeps its own.
 */
public final class TokenBucket {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final double perNano;

	private final double burst;

	private final LongSupplier nanoTime;

	private double tokens;

	private long refilledAt;

	/**
	 * @param perSecond sustained rate; must be positive
	 * @param burst how many events may come at once; at least 1
	 * @param nanoTime the clock, {@code System::nanoTime} outside tests
	 */
	public TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
		if (!(perSecond > 0) || burst < 1) {
			throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
		}
		this.perNano = perSecond / NANOS_PER_SECOND;
		this.burst = burst;
		this.nanoTime = nanoTime;
		this.tokens = burst;
		this.refilledAt = nanoTime.getAsLong();
	}

	public TokenBucket(double perSecond, int burst) {
		this(perSecond, burst, System::nanoTime);
	}

	/** Takes a token if one is left. */
	public boolean tryTake() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.perNano);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

}
