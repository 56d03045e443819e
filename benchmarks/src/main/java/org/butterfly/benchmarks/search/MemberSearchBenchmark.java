package org.butterfly.benchmarks.search;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.butterfly.benchmarks.NotificationNode;
import org.butterfly.benchmarks.cluster.LineClient;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import static org.butterfly.benchmarks.Stats.argument;
import static org.butterfly.benchmarks.Stats.at;
import static org.butterfly.benchmarks.Stats.max;
import static org.butterfly.benchmarks.Stats.median;
import static org.butterfly.benchmarks.Stats.min;

/**
 * {@code FND} over the wire against a directory of {@code accounts} searchable members
 * (100,000 by default): each client thread signs in once and sends searches one after the
 * other, waiting for the whole answer (the hit lines, {@code FND TrID 0 0} or
 * {@code 301}). The searches rotate over a last name (20 hits), a first and last name (20
 * hits), a first name (100 hits, the default limit), a last name with a place (20 or
 * none), and a first name nobody has.
 * <p>
 * Baseline in the same run, with the same number of threads on the same embedded
 * PostgreSQL: a plain single-row {@code SELECT} of an account by primary key over JDBC
 * (one round trip, no protocol, no Spring). The figure to quote is the ratio of the
 * medians, with percentiles and the spread over the rounds.
 *
 * <pre>
 * java -cp ... org.butterfly.benchmarks.search.MemberSearchBenchmark [rounds=5] [seconds=5] [threads=4] [accounts=100000]
 * </pre>
 */
public final class MemberSearchBenchmark {

	private static final String PASSWORD = "secret";

	private static final int FIRST_NAMES = 1_000;

	private static final int LAST_NAMES = 5_000;

	private MemberSearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = argument(args, 0, 5);
		int seconds = argument(args, 1, 5);
		int threads = argument(args, 2, 4);
		int accounts = argument(args, 3, 100_000);
		TestDatabase database = NotificationNode.migratedDatabase();
		populate(database.dataSource(), accounts);
		try (ConfigurableApplicationContext node = NotificationNode.start(database)) {
			InetSocketAddress address = node.getBean(NettyServer.class).localAddress();
			List<String> searchers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String handle = "searcher" + t + "@bench.example.com";
				node.getBean(AccountService.class).create(new NewAccount(handle, PASSWORD, "S", Profile.DEFAULT));
				searchers.add(handle);
			}
			System.out.printf(Locale.ROOT,
					"member search benchmark: %d searchable accounts, %d client threads, %d rounds of %d s%n", accounts,
					threads, rounds, seconds);
			measure(threads, 2, (thread) -> new Searcher(address, searchers.get(thread))); // warm-up
			measure(threads, 2, (thread) -> new PrimaryKeySelect(database.dataSource(), accounts));
			List<Result> searches = new ArrayList<>();
			List<Result> baseline = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				searches.add(measure(threads, seconds, (thread) -> new Searcher(address, searchers.get(thread))));
				baseline
					.add(measure(threads, seconds, (thread) -> new PrimaryKeySelect(database.dataSource(), accounts)));
				System.out.printf(Locale.ROOT, "round %d: FND %s | baseline SELECT by id %s%n", round + 1,
						searches.get(round), baseline.get(round));
			}
			double[] ratios = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				ratios[round] = searches.get(round).p50Millis() / baseline.get(round).p50Millis();
			}
			System.out.println(summary("FND", searches));
			System.out.println(summary("baseline", baseline));
			System.out.printf(Locale.ROOT, "ratio FND p50 / SELECT p50: median %.1f (%.1f..%.1f)%n", median(ratios),
					Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0));
		}
		System.exit(0);
	}

	/**
	 * {@code count} searchable members written in one statement (the account service
	 * would spend minutes on password hashing that search never reads): first names
	 * {@code First0..999}, last names {@code Last0..4999}, 50 cities in WA, US.
	 */
	private static void populate(DataSource dataSource, int count) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into account (email, friendly_name, password_key_id, password_ciphertext, password_hash,
						first_name, last_name, city, state, country, searchable, created_at, updated_at)
					select 'member' || i || '@bench.example.com', 'Member', 'none', '\\x00', 'none',
						'First' || (i %% %d), 'Last' || (i %% %d), 'City' || (i %% 50), 'WA', 'US', true, now(), now()
					from generate_series(1, %d) as i""".formatted(FIRST_NAMES, LAST_NAMES, count));
			statement.execute("analyze account");
		}
	}

	/** One timed operation of one client thread. */
	private interface Operation extends AutoCloseable {

		void run(int sequence) throws Exception;

	}

	/** One signed-in connection sending the rotating searches. */
	private static final class Searcher implements Operation {

		private final LineClient client;

		Searcher(InetSocketAddress address, String handle) {
			try {
				this.client = LineClient.signIn(address, handle, PASSWORD);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void run(int sequence) throws Exception {
			int n = sequence * 7919;
			String criteria = switch (sequence % 5) {
				case 0 -> "fname=* lname=Last" + (n % LAST_NAMES) + " city=* state=* country=*";
				case 1 -> "fname=First" + (n % FIRST_NAMES) + " lname=Last" + (n % FIRST_NAMES)
						+ " city=* state=* country=US";
				case 2 -> "fname=first" + (n % FIRST_NAMES) + " lname=* city=* state=* country=*";
				case 3 -> "fname=* lname=Last" + (n % LAST_NAMES) + " city=City" + (n % 50) + " state=WA country=US";
				default -> "fname=Nobody lname=Last" + (n % LAST_NAMES) + " city=* state=* country=*";
			};
			String trId = Integer.toString(sequence + 10);
			this.client.send("FND " + trId + " " + criteria);
			String line;
			do {
				line = this.client.next(10_000).text();
			}
			while (!isLast(line, trId));
		}

		/** {@code FND t n n ...}, {@code FND t 0 0} or an error ends an answer. */
		private static boolean isLast(String line, String trId) {
			String[] tokens = line.split(" ");
			if (!tokens[0].equals("FND")) {
				if (!line.equals("301 " + trId)) {
					throw new IllegalStateException("unexpected answer: " + line);
				}
				return true;
			}
			return tokens[2].equals(tokens[3]);
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

	/**
	 * The baseline: {@code SELECT ... FROM account WHERE id = ?} on its own connection.
	 */
	private static final class PrimaryKeySelect implements Operation {

		private final Connection connection;

		private final PreparedStatement select;

		private final int accounts;

		PrimaryKeySelect(DataSource dataSource, int accounts) {
			try {
				this.connection = dataSource.getConnection();
				this.select = this.connection.prepareStatement(
						"select email, first_name, last_name, city, state, country from account where id = ?");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			this.accounts = accounts;
		}

		@Override
		public void run(int sequence) throws Exception {
			this.select.setLong(1, 1 + (sequence * 7919L) % this.accounts);
			try (ResultSet row = this.select.executeQuery()) {
				if (!row.next()) {
					throw new IllegalStateException("no account " + sequence);
				}
			}
		}

		@Override
		public void close() throws Exception {
			this.connection.close();
		}

	}

	private static Result measure(int threads, int seconds, java.util.function.IntFunction<Operation> operations)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<long[]>> clients = new ArrayList<>();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		for (int t = 0; t < threads; t++) {
			int thread = t;
			clients.add(pool.submit(() -> {
				long[] latencies = new long[1 << 20];
				int n = 0;
				try (Operation operation = operations.apply(thread)) {
					int sequence = thread;
					while (System.nanoTime() < end && n < latencies.length) {
						long start = System.nanoTime();
						operation.run(sequence);
						latencies[n++] = System.nanoTime() - start;
						sequence += threads;
					}
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> client : clients) {
			all.add(client.get());
		}
		pool.shutdown();
		long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(sorted.length / (double) seconds, at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6);
	}

	private static String summary(String name, List<Result> rounds) {
		return String.format(Locale.ROOT,
				"%s: %.0f/s median (%.0f..%.0f); p50 %.3f ms (%.3f..%.3f); p99 %.3f ms (%.3f..%.3f)", name,
				median(rounds, Result::perSecond), min(rounds, Result::perSecond), max(rounds, Result::perSecond),
				median(rounds, Result::p50Millis), min(rounds, Result::p50Millis), max(rounds, Result::p50Millis),
				median(rounds, Result::p99Millis), min(rounds, Result::p99Millis), max(rounds, Result::p99Millis));
	}

	private record Result(double perSecond, double p50Millis, double p99Millis) {
		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.0f/s p50 %.3f ms p99 %.3f ms", this.perSecond, this.p50Millis,
					this.p99Millis);
		}
	}

}
