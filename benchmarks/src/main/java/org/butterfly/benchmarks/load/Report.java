package org.butterfly.benchmarks.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.butterfly.benchmarks.Stats;
import org.butterfly.benchmarks.load.Phase.Round;

/**
 * A scenario's outcome: its rounds, one headline value and one baseline value per round
 * (measured in the same run), written as JSON and as one PNG chart (throughput over time
 * per round above, latency percentiles per round below), drawn with java.awt headless.
 *
 * @param scenario the scenario's name
 * @param value what the headline value is, with its unit
 * @param baseline what the baseline value is, with its unit
 * @param parameters how the scenario ran
 * @param rounds the measured phases, in order
 * @param values the headline value of each round
 * @param baselines the baseline value of each round
 */
record Report(String scenario, String value, String baseline, Map<String, Object> parameters, List<Round> rounds,
		List<Double> values, List<Double> baselines) {

	private static final double[] QUANTILES = { 0.5, 0.9, 0.99, 0.999, 1.0 };

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
			new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b) };

	double[] ratios() {
		double[] ratios = new double[this.values.size()];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = (this.baselines.get(i) == 0) ? 0 : this.values.get(i) / this.baselines.get(i);
		}
		return ratios;
	}

	String summary() {
		return String.join("\n", headline(), baselineLine(), ratioLine());
	}

	private String headline() {
		return this.scenario + ": " + this.value + " " + spread(doubles(this.values));
	}

	private String baselineLine() {
		return "  baseline: " + this.baseline + " " + spread(doubles(this.baselines));
	}

	private String ratioLine() {
		return "  ratio value / baseline: " + spread(ratios());
	}

	private static double[] doubles(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** The median and the range of the rounds. */
	private static String spread(double[] values) {
		return String.format(Locale.ROOT, "median %.4g (%.4g..%.4g)", Stats.median(values),
				Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0));
	}

	/** Writes {@code scenario.json} and {@code scenario.png} into the folder. */
	void write(Path folder) throws IOException {
		Files.createDirectories(folder);
		Files.writeString(folder.resolve(this.scenario + ".json"), Json.write(toJson()) + "\n", StandardCharsets.UTF_8);
		ImageIO.write(chart(), "png", folder.resolve(this.scenario + ".png").toFile());
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scenario", this.scenario);
		json.put("date", Instant.now().toString());
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		machine.put("java", System.getProperty("java.version"));
		json.put("machine", machine);
		json.put("parameters", this.parameters);
		json.put("value", this.value);
		json.put("baseline", this.baseline);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("valueMedian", Stats.median(doubles(this.values)));
		summary.put("baselineMedian", Stats.median(doubles(this.baselines)));
		summary.put("ratioMedian", Stats.median(ratios()));
		json.put("summary", summary);
		List<Object> rounds = new ArrayList<>();
		for (int i = 0; i < this.rounds.size(); i++) {
			Round round = this.rounds.get(i);
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("round", i + 1);
			one.put("phase", round.name());
			one.put("count", round.count());
			one.put("errors", round.errors());
			one.put("seconds", round.seconds());
			one.put("perSecond", round.perSecond());
			Map<String, Object> latency = new LinkedHashMap<>();
			for (double quantile : QUANTILES) {
				latency.put(label(quantile), round.millis(quantile));
			}
			one.put("latencyMillis", latency);
			one.put("value", this.values.get(i));
			one.put("baseline", this.baselines.get(i));
			one.put("timeline", round.timeline());
			one.put("open", round.gauge());
			if (round.firstError() != null) {
				one.put("firstError", round.firstError());
			}
			rounds.add(one);
		}
		json.put("rounds", rounds);
		return json;
	}

	private static String label(double quantile) {
		return (quantile == 1.0) ? "max" : "p" + String.valueOf(quantile * 100).replaceAll("\\.0$", "");
	}

	private BufferedImage chart() {
		int width = 900;
		int height = 640;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.setColor(Color.BLACK);
		g.drawString(headline(), 10, 14);
		g.drawString(baselineLine(), 10, 28);
		g.drawString(ratioLine(), 10, 42);
		throughput(g, 60, 70, width - 80, 230);
		latencies(g, 60, 350, width - 80, 250);
		g.dispose();
		return image;
	}

	/** Operations per second over time, one line per round. */
	private void throughput(Graphics2D g, int x, int y, int w, int h) {
		double max = 1;
		int seconds = 1;
		for (Round round : this.rounds) {
			for (long count : round.timeline()) {
				max = Math.max(max, count);
			}
			seconds = Math.max(seconds, round.timeline().length);
		}
		axes(g, x, y, w, h, "operations completed per second (x: seconds into the round)", max);
		for (int r = 0; r < this.rounds.size(); r++) {
			long[] timeline = this.rounds.get(r).timeline();
			g.setColor(COLORS[r % COLORS.length]);
			g.setStroke(new BasicStroke(2));
			for (int s = 1; s < timeline.length; s++) {
				g.drawLine(x + (s - 1) * w / seconds, y + h - (int) (timeline[s - 1] * h / max), x + s * w / seconds,
						y + h - (int) (timeline[s] * h / max));
			}
			g.drawString("round " + (r + 1), x + w - 70, y + 15 + r * 14);
		}
		g.setColor(Color.BLACK);
		g.drawString(seconds + " s", x + w - 30, y + h + 14);
	}

	/**
	 * Latency percentiles in milliseconds, a group of bars per percentile, one per round.
	 */
	private void latencies(Graphics2D g, int x, int y, int w, int h) {
		double max = 0.001;
		for (Round round : this.rounds) {
			max = Math.max(max, round.millis(0.999));
		}
		axes(g, x, y, w, h, "latency (ms) at p50, p90, p99, p99.9, one bar per round (max above the axis is clipped)",
				max);
		int groups = QUANTILES.length;
		int bars = Math.max(1, this.rounds.size());
		int groupWidth = w / groups;
		int barWidth = Math.max(2, (groupWidth - 20) / bars);
		for (int q = 0; q < groups; q++) {
			for (int r = 0; r < this.rounds.size(); r++) {
				double millis = this.rounds.get(r).millis(QUANTILES[q]);
				int bar = (int) Math.min(h, millis * h / max);
				g.setColor(COLORS[r % COLORS.length]);
				g.fillRect(x + q * groupWidth + 10 + r * barWidth, y + h - bar, barWidth - 1, bar);
			}
			g.setColor(Color.BLACK);
			g.drawString(label(QUANTILES[q]), x + q * groupWidth + groupWidth / 2 - 10, y + h + 14);
		}
	}

	private static void axes(Graphics2D g, int x, int y, int w, int h, String title, double max) {
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(1));
		g.drawLine(x, y, x, y + h);
		g.drawLine(x, y + h, x + w, y + h);
		g.drawString(title, x, y - 4);
		for (int tick = 0; tick <= 4; tick++) {
			int ty = y + h - tick * h / 4;
			g.setColor(new Color(0xdddddd));
			g.drawLine(x + 1, ty, x + w, ty);
			g.setColor(Color.BLACK);
			g.drawString(String.format(Locale.ROOT, (max >= 100) ? "%.0f" : "%.2f", max * tick / 4), 2, ty + 4);
		}
	}

}
