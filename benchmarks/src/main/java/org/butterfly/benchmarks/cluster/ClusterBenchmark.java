package org.butterfly.benchmarks.cluster;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.Subscription;
import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.benchmarks.NotificationNode;
import org.butterfly.cluster.postgres.PgNotifyClusterBus;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cluster's costs, each beside a baseline measured in the same run:
 * <ul>
 * <li><b>presence fan-out</b>: an owner's {@code CHG} on node A until each watcher's
 * {@code NLN}, for watchers on node B (across the PostgreSQL bus) and, interleaved, for
 * watchers on node A (the same-node path), while background owners on A change status at
 * a fixed rate for watchers on B. Reports p50/p99 per round, then the median and spread
 * (min .. max) of the rounds;</li>
 * <li><b>bus throughput</b>: events per second through {@link PgNotifyClusterBus} (one
 * event per NOTIFY, and 50 per NOTIFY), beside plain {@code SELECT 1} round trips per
 * second on the same pool and threads.</li>
 * </ul>
 * Bounded: a fixed number of rounds, samples and events, each phase also capped in time.
 * Both nodes run in this JVM (127.0.0.11 and 127.0.0.12) on a test PostgreSQL (embedded
 * or Testcontainers). Arguments: {@code rounds} (3), {@code changes} per round and
 * scenario (200), {@code background} owners (20).
 */
public final class ClusterBenchmark {

	private static final String PASSWORD = "secret";

	private static final int WATCHERS = 10;

	private ClusterBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int changes = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int background = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		TestDatabase database = TestDatabase.create();
		DirectorySchema.migrate(database.dataSource());
		ClusterSchema.migrate(database.dataSource());
		System.out.printf(Locale.ROOT, "cluster benchmark: %d rounds, %d changes per scenario, %d background owners%n",
				rounds, changes, background);
		ConfigurableApplicationContext a = node(database, "127.0.0.11");
		ConfigurableApplicationContext b = node(database, "127.0.0.12");
		try {
			presence(a, b, rounds, changes, background);
		}
		finally {
			a.close();
			b.close();
		}
		bus(database, rounds);
		System.exit(0);
	}

	// ---- presence fan-out

	private static void presence(ConfigurableApplicationContext a, ConfigurableApplicationContext b, int rounds,
			int changes, int background) throws Exception {
		InetSocketAddress nodeA = a.getBean(NettyServer.class).localAddress();
		InetSocketAddress nodeB = b.getBean(NettyServer.class).localAddress();
		AccountService accounts = a.getBean(AccountService.class);
		ListService lists = a.getBean(ListService.class);
		Audience cross = audience(accounts, lists, "cross", nodeA, nodeB, WATCHERS);
		Audience same = audience(accounts, lists, "same", nodeA, nodeA, WATCHERS);
		List<Audience> noise = new ArrayList<>();
		for (int i = 0; i < background; i++) {
			noise.add(audience(accounts, lists, "noise" + i, nodeA, nodeB, 5));
		}
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong backgroundChanges = new AtomicLong();
		Thread load = new Thread(() -> backgroundLoad(noise, running, backgroundChanges), "bench-background");
		load.setDaemon(true);
		load.start();
		try {
			// Warm-up, uncounted.
			measure(cross, same, Math.min(50, changes));
			List<double[]> crossRounds = new ArrayList<>();
			List<double[]> sameRounds = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				long before = backgroundChanges.get();
				long start = System.nanoTime();
				Samples[] samples = measure(cross, same, changes);
				double seconds = (System.nanoTime() - start) / 1e9;
				double[] c = samples[0].percentiles();
				double[] s = samples[1].percentiles();
				crossRounds.add(c);
				sameRounds.add(s);
				System.out.printf(Locale.ROOT,
						"round %d: cross-node p50 %.2f ms p99 %.2f ms (%d NLN) | same-node p50 %.2f ms p99 %.2f ms (%d NLN)"
								+ " | background %.0f CHG/s%n",
						round, c[0], c[1], samples[0].count, s[0], s[1], samples[1].count,
						(backgroundChanges.get() - before) / seconds);
			}
			report("presence cross-node (CHG on A -> NLN on B)", crossRounds);
			report("presence same-node  (CHG on A -> NLN on A)", sameRounds);
		}
		finally {
			running.set(false);
			load.join(5000);
			cross.close();
			same.close();
			noise.forEach(Audience::close);
		}
	}

	/** Alternates one change of each scenario, so both see the same load. */
	private static Samples[] measure(Audience cross, Audience same, int changes) throws Exception {
		Samples crossSamples = new Samples();
		Samples sameSamples = new Samples();
		for (int i = 0; i < changes; i++) {
			cross.change(crossSamples);
			same.change(sameSamples);
		}
		return new Samples[] { crossSamples, sameSamples };
	}

	private static void backgroundLoad(List<Audience> noise, AtomicBoolean running, AtomicLong count) {
		// Each background owner changes status ten times a second; watchers just read.
		long period = TimeUnit.MILLISECONDS.toNanos(100) / Math.max(1, noise.size());
		long next = System.nanoTime();
		int i = 0;
		while (running.get()) {
			Audience owner = noise.get(i++ % noise.size());
			try {
				owner.changeWithoutWaiting();
				count.incrementAndGet();
			}
			catch (Exception ex) {
				return;
			}
			next += period;
			long sleep = next - System.nanoTime();
			if (sleep > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(sleep);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	private static Audience audience(AccountService accounts, ListService lists, String name,
			InetSocketAddress ownerNode, InetSocketAddress watcherNode, int watchers) throws Exception {
		String owner = account(accounts, name + "-owner");
		List<String> handles = new ArrayList<>();
		for (int i = 0; i < watchers; i++) {
			String watcher = account(accounts, name + "-w" + i);
			lists.add(watcher, ListType.FL, owner, "Owner");
			handles.add(watcher);
		}
		List<LineClient> watcherClients = new ArrayList<>();
		for (String watcher : handles) {
			LineClient client = LineClient.signIn(watcherNode, watcher, PASSWORD);
			client.send("CHG 4 NLN");
			client.expect("CHG 4 NLN");
			watcherClients.add(client);
		}
		LineClient ownerClient = LineClient.signIn(ownerNode, owner, PASSWORD);
		Audience audience = new Audience(ownerClient, watcherClients);
		audience.change(new Samples());
		return audience;
	}

	private static String account(AccountService accounts, String name) {
		String email = name + "-" + System.nanoTime() + "@bench.example.com";
		accounts.create(new NewAccount(email, PASSWORD, "Name", Profile.DEFAULT));
		return email;
	}

	private static ConfigurableApplicationContext node(TestDatabase database, String host) {
		return NotificationNode.startInCluster(database, host);
	}

	/** An owner and its watchers, all signed in. */
	private static final class Audience implements AutoCloseable {

		private static final String[] STATUSES = { "BSY", "AWY" };

		private final LineClient owner;

		private final List<LineClient> watchers;

		private int trId = 10;

		Audience(LineClient owner, List<LineClient> watchers) {
			this.owner = owner;
			this.watchers = watchers;
		}

		/** One status change; records each watcher's NLN delay. */
		void change(Samples samples) throws Exception {
			String status = STATUSES[this.trId % 2];
			long sent = System.nanoTime();
			this.owner.send("CHG " + this.trId++ + " " + status);
			for (LineClient watcher : this.watchers) {
				LineClient.Line line = watcher.next(10_000);
				if (line == null) {
					throw new IllegalStateException("no NLN within 10 s");
				}
				samples.add(line.nanos() - sent);
			}
			this.owner.drain();
		}

		void changeWithoutWaiting() throws Exception {
			this.owner.send("CHG " + this.trId + " " + STATUSES[this.trId++ % 2]);
			this.owner.drain();
			this.watchers.forEach(LineClient::drain);
		}

		@Override
		public void close() {
			this.owner.close();
			this.watchers.forEach(LineClient::close);
		}

	}

	// ---- bus throughput

	private static void bus(TestDatabase database, int rounds) throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.jdbcUrl());
		config.setUsername(database.username());
		config.setPassword(database.password());
		config.setMaximumPoolSize(8);
		try (HikariDataSource pool = new HikariDataSource(config)) {
			PgNotifyClusterBus bus = new PgNotifyClusterBus(pool, database.dataSource());
			int threads = 4;
			int batches = 5000;
			List<double[]> single = new ArrayList<>();
			List<double[]> batched = new ArrayList<>();
			List<double[]> select = new ArrayList<>();
			throughput(bus, threads, 1000, 1);
			for (int round = 1; round <= rounds; round++) {
				double one = throughput(bus, threads, batches, 1);
				double fifty = throughput(bus, threads, batches / 10, 50);
				double baseline = selectOne(pool, threads, batches);
				single.add(new double[] { one });
				batched.add(new double[] { fifty });
				select.add(new double[] { baseline });
				System.out.printf(Locale.ROOT,
						"round %d: bus %.0f events/s (1 per NOTIFY), %.0f events/s (50 per NOTIFY) | SELECT 1 %.0f/s%n",
						round, one, fifty, baseline);
			}
			reportRate("bus, 1 event per NOTIFY", single);
			reportRate("bus, 50 events per NOTIFY", batched);
			reportRate("baseline SELECT 1 round trips", select);
		}
	}

	/** Events per second from publish to receipt, {@code threads} publishers. */
	private static double throughput(PgNotifyClusterBus bus, int threads, int batches, int perBatch) throws Exception {
		long total = (long) threads * batches * perBatch;
		CountDownLatch received = new CountDownLatch(1);
		AtomicLong count = new AtomicLong();
		try (Subscription subscription = bus.subscribe("bench_b", (events) -> {
			if (count.addAndGet(events.size()) >= total) {
				received.countDown();
			}
		})) {
			List<ClusterEvent> batch = new ArrayList<>();
			for (int i = 0; i < perBatch; i++) {
				batch.add(new ClusterEvent.PresenceChanged("watcher" + i + "@example.com", "owner@example.com", "NLN",
						"Owner"));
			}
			ExecutorService publishers = Executors.newFixedThreadPool(threads);
			long start = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				publishers.execute(() -> {
					for (int i = 0; i < batches; i++) {
						bus.send("bench_b", batch);
					}
				});
			}
			publishers.shutdown();
			if (!received.await(120, TimeUnit.SECONDS)) {
				throw new IllegalStateException("received " + count.get() + " of " + total + " events in 120 s");
			}
			return total / ((System.nanoTime() - start) / 1e9);
		}
	}

	private static double selectOne(DataSource pool, int threads, int perThread) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<java.util.concurrent.Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(workers.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					try (Connection connection = pool.getConnection();
							Statement statement = connection.createStatement();
							ResultSet row = statement.executeQuery("SELECT 1")) {
						row.next();
					}
				}
				return null;
			}));
		}
		for (java.util.concurrent.Future<?> future : done) {
			future.get(120, TimeUnit.SECONDS);
		}
		workers.shutdown();
		return (double) threads * perThread / ((System.nanoTime() - start) / 1e9);
	}

	// ---- statistics

	/** Latency samples of one round, in nanoseconds. */
	private static final class Samples {

		private long[] values = new long[1024];

		private int count;

		void add(long nanos) {
			if (this.count == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.count * 2);
			}
			this.values[this.count++] = nanos;
		}

		/** p50 and p99 in milliseconds. */
		double[] percentiles() {
			long[] sorted = Arrays.copyOf(this.values, this.count);
			Arrays.sort(sorted);
			return new double[] { at(sorted, 0.50), at(sorted, 0.99) };
		}

		private static double at(long[] sorted, double quantile) {
			int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

	private static void report(String name, List<double[]> rounds) {
		System.out.printf(Locale.ROOT, "%s: p50 median %.2f ms (%.2f .. %.2f), p99 median %.2f ms (%.2f .. %.2f)%n",
				name, median(rounds, 0), min(rounds, 0), max(rounds, 0), median(rounds, 1), min(rounds, 1),
				max(rounds, 1));
	}

	private static void reportRate(String name, List<double[]> rounds) {
		System.out.printf(Locale.ROOT, "%s: median %.0f/s (%.0f .. %.0f)%n", name, median(rounds, 0), min(rounds, 0),
				max(rounds, 0));
	}

	private static double median(List<double[]> rounds, int index) {
		double[] values = rounds.stream().mapToDouble((round) -> round[index]).sorted().toArray();
		return values[values.length / 2];
	}

	private static double min(List<double[]> rounds, int index) {
		return rounds.stream().mapToDouble((round) -> round[index]).min().orElse(0);
	}

	private static double max(List<double[]> rounds, int index) {
		return rounds.stream().mapToDouble((round) -> round[index]).max().orElse(0);
	}

}
