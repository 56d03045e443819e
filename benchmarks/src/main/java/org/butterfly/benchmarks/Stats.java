package org.butterfly.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians, ranges and percentiles of the benchmarks' rounds and latencies. */
public final class Stats {

	private Stats() {
	}

	/**
	 * The value at a quantile of sorted samples.
	 * @param sorted the samples, ascending
	 * @param quantile between 0 and 1
	 * @return the sample, or 0 without samples
	 */
	public static double at(long[] sorted, double quantile) {
		return (sorted.length == 0) ? 0 : sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
	}

	public static <T> double median(List<T> results, ToDoubleFunction<T> value) {
		return median(results.stream().mapToDouble(value).toArray());
	}

	public static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	public static <T> double min(List<T> results, ToDoubleFunction<T> value) {
		return results.stream().mapToDouble(value).min().orElse(0);
	}

	public static <T> double max(List<T> results, ToDoubleFunction<T> value) {
		return results.stream().mapToDouble(value).max().orElse(0);
	}

	/**
	 * An argument of {@code main}, or a default.
	 * @param args the arguments
	 * @param index which
	 * @param fallback the default
	 * @return the number
	 */
	public static int argument(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}

}
