package org.butterfly.protocol.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.butterfly.protocol.pipeline.CloseReason;
import org.junit.jupiter.api.DynamicTest;

/**
 * A catalogue of hostile or malformed inputs for one server role (issue 11), kept in one
 * file and run case by case, each as a {@link Transcript} on real sockets, with a canary
 * user connected to the same server throughout. After each case the canary must still
 * answer promptly, and when the case names a close reason the server must have counted a
 * close of that kind.
 *
 * <pre>
 * # comments
 * CANARY {                       steps that connect and prepare the canary (session "canary")
 * CONNECT canary ds
 * C: VER 1 MSNP5 CVR0
 * S= VER 1 MSNP5 CVR0
 * }
 * CHECK {                        steps the canary runs after each case; must answer within the timeout
 * C: PNG
 * S= QNG
 * }
 * === garbage bytes -> MALFORMED_FRAME      one case; "-> KIND" expects a close counted with that kind
 * CONNECT x ds
 * RAW: \x01\x02\r\n
 * CLOSED
 * === a well-formed error reply            a case without a close
 * ...
 * === a slow case                          CANARY and CHECK lines place the blocks inside a case
 * CONNECT slow ds                          (by default the canary connects first and is checked last)
 * DRIP 200: VER 1 MSNP5\r\n
 * CANARY
 * CHECK
 * SESSION slow
 * CLOSED
 * </pre>
 */
public final class HostileCatalogue {

	/** How long the server may take to count a close after the case. */
	public static final Duration PROMPT = Duration.ofSeconds(3);

	/** Issue 11 asks for at least this many cases per server role. */
	public static final int MINIMUM_CASES = 40;

	private static final String CASE = "=== ";

	private final String name;

	private final String canary;

	private final String check;

	private final List<Case> cases;

	/**
	 * One case: its name, the close kind it must cause (or null), and its steps.
	 */
	public record Case(String name, CloseReason.Kind close, int firstLine, String steps) {
	}

	private HostileCatalogue(String name, String canary, String check, List<Case> cases) {
		this.name = name;
		this.canary = canary;
		this.check = check;
		this.cases = List.copyOf(cases);
	}

	public List<Case> cases() {
		return this.cases;
	}

	/** Reads a catalogue from the classpath, e.g. {@code /hostile/dispatch.catalogue}. */
	public static HostileCatalogue fromClasspath(String resource) {
		return parse(resource, Transcript.readClasspath(resource, "catalogue"));
	}

	static HostileCatalogue parse(String name, String text) {
		String[] lines = text.split("\r?\n", -1);
		StringBuilder canary = null;
		StringBuilder check = null;
		StringBuilder block = null;
		List<Case> cases = new ArrayList<>();
		String caseName = null;
		CloseReason.Kind close = null;
		int caseLine = 0;
		StringBuilder steps = null;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (block != null) {
				if (line.equals("}")) {
					block = null;
				}
				else {
					block.append(line).append('\n');
				}
			}
			else if (line.equals("CANARY {")) {
				canary = new StringBuilder();
				block = canary;
			}
			else if (line.equals("CHECK {")) {
				check = new StringBuilder();
				block = check;
			}
			else if (line.startsWith(CASE)) {
				if (caseName != null) {
					cases.add(new Case(caseName, close, caseLine, steps.toString()));
				}
				String header = line.substring(CASE.length());
				int arrow = header.lastIndexOf(" -> ");
				caseName = (arrow < 0) ? header.trim() : header.substring(0, arrow).trim();
				close = (arrow < 0) ? null : CloseReason.Kind.valueOf(header.substring(arrow + 4).trim());
				caseLine = i + 1;
				steps = new StringBuilder();
			}
			else if (steps != null) {
				steps.append(line).append('\n');
			}
			else if (!line.isBlank() && !line.startsWith("#")) {
				throw new IllegalArgumentException(name + ":" + (i + 1) + ": steps before the first case");
			}
		}
		if (caseName != null) {
			cases.add(new Case(caseName, close, caseLine, steps.toString()));
		}
		if (canary == null || check == null) {
			throw new IllegalArgumentException(name + ": CANARY { } and CHECK { } are required");
		}
		return new HostileCatalogue(name, canary.toString(), check.toString(), cases);
	}

	/**
	 * One dynamic test per case; a catalogue of fewer than {@link #MINIMUM_CASES} fails.
	 * @param runners a fresh runner per case, with its endpoints and variables
	 * @param closes how many closes of a kind the server has counted so far
	 */
	public Stream<DynamicTest> run(Supplier<TranscriptRunner> runners, ToLongFunction<CloseReason.Kind> closes) {
		if (this.cases.size() < MINIMUM_CASES) {
			throw new IllegalStateException(
					this.name + " has " + this.cases.size() + " cases, fewer than " + MINIMUM_CASES);
		}
		return this.cases.stream()
			.map((c) -> DynamicTest.dynamicTest(c.name() + " (line " + c.firstLine() + ")",
					() -> runCase(c, runners.get(), closes)));
	}

	private void runCase(Case c, TranscriptRunner runner, ToLongFunction<CloseReason.Kind> closes) {
		long before = (c.close() != null) ? closes.applyAsLong(c.close()) : 0;
		// The canary goes first and is checked last, so whatever the case did happened
		// while it was connected; a case may place them itself.
		String steps = "\n" + c.steps();
		String canaryStep = "\n" + this.canary;
		String checkStep = "\nSESSION canary\n" + this.check;
		steps = steps.contains("\nCANARY\n") ? steps.replace("\nCANARY\n", canaryStep) : canaryStep + steps;
		steps = steps.contains("\nCHECK\n") ? steps.replace("\nCHECK\n", checkStep) : steps + checkStep;
		String script = steps;
		runner.run(Transcript.parse(this.name + " / " + c.name(), script));
		if (c.close() != null) {
			long deadline = System.nanoTime() + PROMPT.toNanos();
			while (closes.applyAsLong(c.close()) <= before) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError(this.name + " / " + c.name() + ": no close counted as " + c.close());
				}
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
	}

}
