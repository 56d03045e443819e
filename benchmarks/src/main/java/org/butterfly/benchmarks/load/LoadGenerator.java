package org.butterfly.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load generator of issue 10: simulated users on the client library — sign-ins with
 * lists of N contacts, status changes, chats, idle sessions — from many loopback source
 * addresses, against Butterfly started in a child JVM or any MSNP2-7 server with a file
 * of existing accounts. Bounded in count and time, with a progress line each second;
 * results as JSON and a PNG per scenario in the results folder. See
 * {@code benchmarks/README.md}, "Load generator".
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		LoadOptions options;
		try {
			options = LoadOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(options.maxSeconds() * 1000L);
				System.err.println("load generator: --max-seconds " + options.maxSeconds() + " reached, stopping");
				Runtime.getRuntime().halt(3);
			}
			catch (InterruptedException ex) {
				// finished in time
			}
		}, "loadgen-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		List<Report> reports = run(options);
		System.out.println(reports.size() + " results in " + options.out().toAbsolutePath());
		System.exit(0);
	}

	/** Runs the chosen scenarios and writes their results; the reports, in order. */
	static List<Report> run(LoadOptions options) throws Exception {
		System.out.printf(Locale.ROOT, "load generator: %s, %d cores, load average %.2f%n", options,
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		List<Report> reports = new ArrayList<>();
		try (Target target = (options.server() != null) ? Target.Remote.of(options.server(), options.accounts())
				: new Target.Spawned(options.users(), options.contacts(), options.nodes(), options.serverHeap(),
						options.needsAdminApi());
				Users users = new Users(2, options.sources(), options.dialect(), Duration.ofSeconds(10))) {
			System.out.println("target: " + target.describe());
			Scenarios scenarios = new Scenarios(options, target, users);
			String chosen = options.scenario();
			if (chosen.equals("signin") || chosen.equals("all")) {
				reports.add(scenarios.signIns());
			}
			if (chosen.equals("fanout") || chosen.equals("all")) {
				reports.addAll(scenarios.fanOut());
			}
			if (chosen.equals("chat") || chosen.equals("all")) {
				reports.add(scenarios.chats());
			}
			if (chosen.equals("idle") || chosen.equals("all")) {
				reports.add(scenarios.idleSessions());
			}
			if (chosen.equals("alerts") || chosen.equals("all")) {
				reports.add(scenarios.alerts());
			}
		}
		for (Report report : reports) {
			report.write(options.out());
		}
		return reports;
	}

}
