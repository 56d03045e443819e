package org.butterfly.benchmarks.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One measured phase: operations completed (with their latencies), errors, a gauge (open
 * sessions), a count per second for the throughput chart, and a progress line printed
 * once a second while it runs. Thread-safe; latencies beyond {@link #MAX_SAMPLES} are
 * counted but not kept.
 */
final class Phase implements AutoCloseable {

	static final int MAX_SAMPLES = 2_000_000;

	/** Longest timeline kept, in seconds. */
	static final int MAX_SECONDS = 3600;

	private final String name;

	private final long start = System.nanoTime();

	private final LongAdder done = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final AtomicInteger gauge = new AtomicInteger();

	private final AtomicLongArray perSecond = new AtomicLongArray(MAX_SECONDS);

	private final AtomicLongArray gaugePerSecond = new AtomicLongArray(MAX_SECONDS);

	private final long[] samples = new long[MAX_SAMPLES];

	private final AtomicInteger sampled = new AtomicInteger();

	private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "loadgen-progress");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Throwable firstError;

	private long endNanos;

	Phase(String name) {
		this.name = name;
		this.progress.scheduleAtFixedRate(this::report, 1, 1, TimeUnit.SECONDS);
	}

	String name() {
		return this.name;
	}

	void done(long latencyNanos) {
		this.done.increment();
		this.perSecond.incrementAndGet(second());
		int index = this.sampled.getAndIncrement();
		if (index < MAX_SAMPLES) {
			this.samples[index] = latencyNanos;
		}
	}

	void error(Throwable cause) {
		this.errors.increment();
		if (this.firstError == null) {
			this.firstError = cause;
		}
	}

	void open() {
		// Stored plus one: zero marks a second without a change.
		this.gaugePerSecond.set(second(), this.gauge.incrementAndGet() + 1L);
	}

	void closed() {
		this.gaugePerSecond.set(second(), this.gauge.decrementAndGet() + 1L);
	}

	int gauge() {
		return this.gauge.get();
	}

	long count() {
		return this.done.sum();
	}

	double elapsedSeconds() {
		return (((this.endNanos != 0) ? this.endNanos : System.nanoTime()) - this.start) / 1e9;
	}

	private int second() {
		return (int) Math.min(MAX_SECONDS - 1, (System.nanoTime() - this.start) / 1_000_000_000L);
	}

	private void report() {
		long now = this.done.sum();
		System.out.printf(Locale.ROOT, "  [%s] %4.0f s: %d done (%d in the last second), %d errors, %d open%n",
				this.name, elapsedSeconds(), now, this.perSecond.get(Math.max(0, second() - 1)), this.errors.sum(),
				this.gauge.get());
	}

	/** Stops the clock and the progress line; the result of the phase. */
	Round finish() {
		close();
		if (this.endNanos == 0) {
			this.endNanos = System.nanoTime();
		}
		int kept = Math.min(this.sampled.get(), MAX_SAMPLES);
		long[] sorted = Arrays.copyOf(this.samples, kept);
		Arrays.sort(sorted);
		int seconds = (int) Math.min(MAX_SECONDS, Math.ceil(elapsedSeconds()));
		long[] timeline = new long[seconds];
		long[] gauges = new long[seconds];
		long last = 0;
		for (int s = 0; s < seconds; s++) {
			timeline[s] = this.perSecond.get(s);
			long changed = this.gaugePerSecond.get(s);
			last = (changed != 0) ? changed - 1 : last;
			gauges[s] = last;
		}
		Throwable error = this.firstError;
		return new Round(this.name, this.done.sum(), this.errors.sum(), elapsedSeconds(), sorted, timeline, gauges,
				(error != null) ? error.toString() : null);
	}

	@Override
	public void close() {
		this.progress.shutdownNow();
	}

	/**
	 * A finished phase.
	 *
	 * @param name what was measured
	 * @param count operations completed
	 * @param errors operations failed
	 * @param seconds how long it ran
	 * @param sortedLatencies latencies in nanoseconds, ascending
	 * @param timeline operations completed in each second
	 * @param gauge the gauge (open sessions) at the end of each second
	 * @param firstError the first failure, {@code null} without
	 */
	record Round(String name, long count, long errors, double seconds, long[] sortedLatencies, long[] timeline,
			long[] gauge, String firstError) {

		double perSecond() {
			return this.count / this.seconds;
		}

		/** A latency quantile in milliseconds. */
		double millis(double quantile) {
			long[] sorted = this.sortedLatencies;
			return (sorted.length == 0) ? 0
					: sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s: %d in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms, %d errors%s",
					this.name, this.count, this.seconds, perSecond(), millis(0.5), millis(0.99), this.errors,
					(this.firstError != null) ? " (first: " + this.firstError + ")" : "");
		}

	}

}
