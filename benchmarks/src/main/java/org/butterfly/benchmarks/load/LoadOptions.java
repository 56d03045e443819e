package org.butterfly.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.butterfly.protocol.vocab.Dialect;

/**
 * The load generator's command line, {@code --name value} pairs, each bounded.
 *
 * @param scenario {@code signin}, {@code idle}, {@code fanout}, {@code chat},
 * {@code alerts} or {@code all}
 * @param server {@code host:port[,host:port]} of another server, {@code null} to start
 * Butterfly in a child JVM
 * @param accounts the accounts file for {@code server} ({@code email,password} lines)
 * @param users how many users (accounts) take part
 * @param contacts contacts on each FL (Butterfly started by the generator)
 * @param nodes notification nodes of the started Butterfly (1 or 2)
 * @param rounds measured rounds per scenario
 * @param seconds length of each measured phase
 * @param concurrency sign-ins or senders in flight at once
 * @param rate status changes per second in {@code fanout}
 * @param window messages in flight per conversation in {@code chat}
 * @param sources loopback source addresses, 127.0.0.1 to 127.0.0.n
 * @param dialect the dialect the clients speak
 * @param serverHeap the {@code -Xmx} of the started Butterfly
 * @param maxSeconds the whole run's limit: past it the generator stops
 * @param out where the JSON and PNG results go
 */
record LoadOptions(String scenario, String server, Path accounts, int users, int contacts, int nodes, int rounds,
		int seconds, int concurrency, int rate, int window, int sources, Dialect dialect, String serverHeap,
		int maxSeconds, Path out) {

	static final List<String> SCENARIOS = List.of("signin", "idle", "fanout", "chat", "alerts", "all");

	static final String USAGE = """
			usage: LoadGenerator [--scenario signin|idle|fanout|chat|alerts|all] [--users 200] [--contacts 20] [--nodes 1]
			         [--rounds 3] [--seconds 5] [--concurrency 8] [--rate 200] [--window 10] [--sources 16]
			         [--dialect MSNP5] [--server-heap 1g] [--max-seconds 600] [--out benchmarks/results/load]
			         [--server host:port[,host:port] --accounts file.csv]""";

	static LoadOptions parse(String[] args) {
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 == args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got " + args[i] + "\n" + USAGE);
			}
			given.put(args[i].substring(2), args[i + 1]);
		}
		String scenario = given.getOrDefault("scenario", "all");
		if (!SCENARIOS.contains(scenario)) {
			throw new IllegalArgumentException("unknown scenario " + scenario + ", one of " + SCENARIOS);
		}
		String server = given.get("server");
		String accounts = given.get("accounts");
		if ((server == null) != (accounts == null)) {
			throw new IllegalArgumentException("--server and --accounts go together\n" + USAGE);
		}
		LoadOptions options = new LoadOptions(scenario, server, (accounts != null) ? Path.of(accounts) : null,
				number(given, "users", 200, 2, 1_000_000), number(given, "contacts", 20, 0, 150),
				number(given, "nodes", 1, 1, 2), number(given, "rounds", 3, 1, 100),
				number(given, "seconds", 5, 1, 3600), number(given, "concurrency", 8, 1, 10_000),
				number(given, "rate", 200, 1, 1_000_000), number(given, "window", 10, 1, 1000),
				number(given, "sources", 16, 1, Users.MAX_SOURCES),
				Dialect.valueOf(given.getOrDefault("dialect", "MSNP5").toUpperCase(Locale.ROOT)),
				given.getOrDefault("server-heap", "1g"), number(given, "max-seconds", 600, 10, 86_400),
				Path.of(given.getOrDefault("out", "benchmarks/results/load")));
		given.keySet()
			.removeAll(List.of("scenario", "server", "accounts", "users", "contacts", "nodes", "rounds", "seconds",
					"concurrency", "rate", "window", "sources", "dialect", "server-heap", "max-seconds", "out"));
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + USAGE);
		}
		if (server != null && scenario.equals("alerts")) {
			throw new IllegalArgumentException(
					"--scenario alerts pushes through Butterfly's admin API: not with --server");
		}
		if (options.contacts() >= options.users()) {
			throw new IllegalArgumentException("--contacts must be fewer than --users");
		}
		return options;
	}

	private static int number(Map<String, String> given, String name, int fallback, int min, int max) {
		String text = given.get(name);
		if (text == null) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(text);
			if (value < min || value > max) {
				throw new IllegalArgumentException(
						"--" + name + " must be between " + min + " and " + max + ": " + text);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " is not a number: " + text, ex);
		}
	}

	/** Whether the started Butterfly needs its admin API. */
	boolean needsAdminApi() {
		return this.scenario.equals("alerts") || this.scenario.equals("all");
	}

	Duration phase() {
		return Duration.ofSeconds(this.seconds);
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("users", this.users);
		json.put("contacts", this.contacts);
		json.put("nodes", this.nodes);
		json.put("rounds", this.rounds);
		json.put("seconds", this.seconds);
		json.put("concurrency", this.concurrency);
		json.put("rate", this.rate);
		json.put("window", this.window);
		json.put("sources", this.sources);
		json.put("dialect", this.dialect.name());
		return json;
	}

}
