package org.butterfly.benchmarks.switchboard;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and spread of a few rounds, and percentiles of latency samples. */
final class Stats {

	private Stats() {
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** {@code median [min .. max]}, the spread of the rounds. */
	static String summary(List<Double> values, String format) {
		double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		return String.format(Locale.ROOT, format + " [" + format + " .. " + format + "]", median(values), min, max);
	}

	/** The {@code p}-th percentile (0-100) of the samples, nearest rank. */
	static long percentile(long[] samples, int count, double p) {
		if (count == 0) {
			return -1;
		}
		long[] sorted = Arrays.copyOf(samples, count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * count) - 1;
		return sorted[Math.max(0, Math.min(count - 1, rank))];
	}

}
