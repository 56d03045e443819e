package org.butterfly.benchmarks.signin;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.butterfly.benchmarks.NotificationNode;
import org.butterfly.benchmarks.cluster.LineClient;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import static org.butterfly.benchmarks.Stats.argument;
import static org.butterfly.benchmarks.Stats.at;
import static org.butterfly.benchmarks.Stats.max;
import static org.butterfly.benchmarks.Stats.median;
import static org.butterfly.benchmarks.Stats.min;

/**
 * Full MSNP5 sign-ins per second on one notification node: connect, {@code VER},
 * {@code USR MD5 I}, {@code USR MD5 S}, the profile message, {@code SYN 0} with 20
 * contacts (a full dump: 20 FL entries with their BPR lines, and RL), {@code CHG NLN},
 * {@code OUT}. Each client thread signs its own accounts in one after the other, so no
 * sign-in takes over another.
 * <p>
 * Baseline in the same run, against the same server: a bare connection that negotiates
 * {@code VER} and says {@code OUT} — the cost of TCP, the pipeline and one round trip,
 * without the database. The figure to quote is the ratio, with medians and spreads over
 * the rounds.
 *
 * <pre>
 * java -cp ... org.butterfly.benchmarks.signin.SignInBenchmark [rounds=3] [seconds=5] [threads=8] [accounts=400]
 * </pre>
 */
public final class SignInBenchmark {

	private static final String PASSWORD = "secret";

	private static final int CONTACTS = 20;

	private SignInBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = argument(args, 0, 3);
		int seconds = argument(args, 1, 5);
		int threads = argument(args, 2, 8);
		int accounts = argument(args, 3, 400);
		TestDatabase database = NotificationNode.migratedDatabase();
		try (ConfigurableApplicationContext node = NotificationNode.start(database)) {
			InetSocketAddress address = node.getBean(NettyServer.class).localAddress();
			List<String> handles = populate(node, accounts);
			System.out.printf(Locale.ROOT,
					"sign-in benchmark: %d accounts with %d contacts each, %d client threads, %d rounds of %d s%n",
					accounts, CONTACTS, threads, rounds, seconds);
			measure(address, handles, threads, 2, false); // warm-up, not counted
			List<Result> signIns = new ArrayList<>();
			List<Result> baseline = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				signIns.add(measure(address, handles, threads, seconds, false));
				baseline.add(measure(address, handles, threads, seconds, true));
				System.out.printf(Locale.ROOT, "round %d: sign-ins %s | baseline VER+OUT %s%n", round + 1,
						signIns.get(round), baseline.get(round));
			}
			double[] ratios = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				ratios[round] = signIns.get(round).perSecond() / baseline.get(round).perSecond();
			}
			System.out.printf(Locale.ROOT, "sign-ins/s median %.0f (%.0f..%.0f), p50 %.1f ms, p99 %.1f ms (medians)%n",
					median(signIns, Result::perSecond), min(signIns, Result::perSecond),
					max(signIns, Result::perSecond), median(signIns, Result::p50Millis),
					median(signIns, Result::p99Millis));
			System.out.printf(Locale.ROOT, "baseline/s median %.0f (%.0f..%.0f); ratio median %.3f (%.3f..%.3f)%n",
					median(baseline, Result::perSecond), min(baseline, Result::perSecond),
					max(baseline, Result::perSecond), median(ratios), Arrays.stream(ratios).min().orElse(0),
					Arrays.stream(ratios).max().orElse(0));
		}
		System.exit(0);
	}

	/**
	 * Accounts with {@value #CONTACTS} contacts each: account i has accounts i+1..i+20 on
	 * its FL.
	 */
	private static List<String> populate(ConfigurableApplicationContext node, int count) throws Exception {
		return NotificationNode.populate(node, "user", count, CONTACTS, PASSWORD);
	}

	private static Result measure(InetSocketAddress address, List<String> handles, int threads, int seconds,
			boolean baseline) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Future<long[]>> clients = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			clients.add(pool.submit(() -> {
				long[] latencies = new long[1 << 16];
				int n = 0;
				int next = thread;
				while (System.nanoTime() < end && n < latencies.length) {
					long start = System.nanoTime();
					if (baseline) {
						negotiateOnly(address);
					}
					else {
						signIn(address, handles.get(next));
					}
					latencies[n++] = System.nanoTime() - start;
					next = (next + threads) % handles.size();
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<long[]> client : clients) {
			for (long latency : client.get()) {
				all.add(latency);
			}
		}
		pool.shutdown();
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(sorted.length / (double) seconds, at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6);
	}

	/** VER ... SYN with a full dump ... CHG NLN, then OUT. */
	private static void signIn(InetSocketAddress address, String handle) throws Exception {
		try (LineClient client = LineClient.signIn(address, handle, PASSWORD)) {
			client.send("SYN 4 0");
			client.expect("SYN 4 ");
			String line;
			do {
				line = client.next(5000).text();
			}
			while (!isLastListLine(line));
			client.send("CHG 5 NLN");
			client.expect("CHG 5 NLN");
			client.send("OUT");
		}
	}

	private static void negotiateOnly(InetSocketAddress address) throws Exception {
		try (LineClient client = LineClient.connect(address)) {
			client.send("VER 1 MSNP5");
			client.expect("VER 1 MSNP5");
			client.send("OUT");
		}
	}

	/**
	 * The last line of a dump: the final RL line, {@code LST t RL v n n ...} or
	 * {@code LST t RL v 0 0}.
	 */
	private static boolean isLastListLine(String line) {
		String[] tokens = line.split(" ");
		return tokens.length >= 6 && tokens[0].equals("LST") && tokens[2].equals("RL") && tokens[4].equals(tokens[5]);
	}

	private record Result(double perSecond, double p50Millis, double p99Millis) {
		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.0f/s p50 %.1f ms p99 %.1f ms", this.perSecond, this.p50Millis,
					this.p99Millis);
		}
	}

}
