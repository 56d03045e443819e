package org.butterfly.benchmarks.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.butterfly.testdb.TestDatabase;
import org.slf4j.LoggerFactory;

import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.PasswordVault;
import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.directory.contacts.ListRules;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.ContactRepository;
import org.butterfly.directory.internal.GroupRepository;
import org.butterfly.directory.internal.Transactions;

/**
 * Directory list operations per second against PostgreSQL, beside a baseline measured in
 * the same run on the same database: a plain single-row {@code UPDATE} in autocommit.
 * <p>
 * Each list operation is one {@code ADD FL} or {@code REM FL} between two of many
 * accounts, run as the directory runs it (one transaction: look-ups, two row locks in id
 * order, checks, the FL and RL rows, two version bumps). Worker threads own disjoint sets
 * of actors (a connection's commands are sequential) and pick targets among all accounts,
 * so the RL side of the writes contends across threads. Every round measures both phases
 * for the same time; the report gives the median and spread of the rounds and the ratio
 * of the medians.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.butterfly.benchmarks.directory.ListOperationsBenchmark}.
 * System properties: {@code threads} (4), {@code accounts} (64), {@code rounds} (5),
 * {@code seconds} per phase (5). A program, not a test: it prints numbers and asserts
 * nothing but the correctness of each operation.
 */
public final class ListOperationsBenchmark {

	private final int threads = Integer.getInteger("threads", 4);

	private final int accountCount = Integer.getInteger("accounts", 64);

	private final int rounds = Integer.getInteger("rounds", 5);

	private final Duration phase = Duration.ofSeconds(Integer.getInteger("seconds", 5));

	private ListOperationsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		quietLogs();
		new ListOperationsBenchmark().run();
		System.exit(0);
	}

	private void run() throws Exception {
		TestDatabase database = TestDatabase.create();
		try (HikariDataSource pool = pool(database)) {
			DirectorySchema.migrate(pool);
			Directory directory = Directory.open(pool);
			try {
				List<String> accounts = new ArrayList<>();
				for (int i = 0; i < this.accountCount; i++) {
					String email = "bench" + i + "@example.com";
					directory.accounts().create(NewAccount.of(email, "password" + i));
					accounts.add(email);
				}
				createBaselineTable(pool);
				System.out.printf(Locale.ROOT,
						"Directory list operations vs plain UPDATE: PostgreSQL %s, %d threads, %d accounts, %d rounds "
								+ "of %d s per phase (%d cores)%n",
						database, this.threads, this.accountCount, this.rounds, this.phase.toSeconds(),
						Runtime.getRuntime().availableProcessors());
				// Warm-up: JIT, Hibernate's statement caches, the pool, PostgreSQL's
				// buffers.
				measure(() -> listOperations(directory.lists(), accounts), Duration.ofSeconds(20));
				measure(() -> plainUpdates(pool), Duration.ofSeconds(3));
				double[] listRates = new double[this.rounds];
				double[] updateRates = new double[this.rounds];
				for (int round = 0; round < this.rounds; round++) {
					listRates[round] = measure(() -> listOperations(directory.lists(), accounts), this.phase);
					updateRates[round] = measure(() -> plainUpdates(pool), this.phase);
					System.out.printf(Locale.ROOT, "round %d: list operations %8.1f/s   plain UPDATE %8.1f/s%n",
							round + 1, listRates[round], updateRates[round]);
				}
				report("list operations (ADD FL / REM FL)", listRates);
				report("plain single-row UPDATE", updateRates);
				double[] costs = new double[this.rounds];
				for (int round = 0; round < this.rounds; round++) {
					costs[round] = updateRates[round] / listRates[round];
				}
				System.out.printf(Locale.ROOT,
						"ratio of medians: one list operation costs %.1f plain UPDATEs "
								+ "(list operations run at %.1f%% of the UPDATE rate)%n",
						median(updateRates) / median(listRates), 100 * median(listRates) / median(updateRates));
				report("per-round cost in plain UPDATEs", costs);
			}
			finally {
				directory.close();
			}
		}
	}

	/**
	 * One worker's loop: ADD FL then REM FL of a random target, as long as the phase
	 * lasts.
	 */
	private Callable<Long> listOperations(ListService lists, List<String> accounts) {
		return () -> {
			int worker = Worker.index();
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long operations = 0;
			while (!Worker.stopped()) {
				int actor = worker + this.threads * random.nextInt(accounts.size() / this.threads);
				int target = random.nextInt(accounts.size());
				if (target == actor) {
					continue;
				}
				String actorHandle = accounts.get(actor);
				String targetHandle = accounts.get(target);
				lists.add(actorHandle, ListType.FL, targetHandle, targetHandle);
				lists.remove(actorHandle, ListType.FL, targetHandle);
				operations += 2;
			}
			return operations;
		};
	}

	/** One worker's loop: autocommit single-row UPDATEs of its own row. */
	private Callable<Long> plainUpdates(DataSource pool) {
		return () -> {
			long operations = 0;
			try (Connection connection = pool.getConnection();
					PreparedStatement update = connection
						.prepareStatement("UPDATE baseline_counter SET n = n + 1 WHERE id = ?")) {
				update.setInt(1, Worker.index());
				while (!Worker.stopped()) {
					update.executeUpdate();
					operations++;
				}
			}
			return operations;
		};
	}

	/**
	 * Runs the workload on every thread for the duration; returns operations per second.
	 */
	private double measure(Callable<Callable<Long>> workload, Duration duration) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(this.threads);
		try {
			CyclicBarrier start = new CyclicBarrier(this.threads + 1);
			List<Future<Long>> workers = new ArrayList<>();
			for (int i = 0; i < this.threads; i++) {
				int index = i;
				Callable<Long> work = workload.call();
				workers.add(executor.submit(() -> Worker.run(index, start, work)));
			}
			start.await();
			long began = System.nanoTime();
			Thread.sleep(duration.toMillis());
			Worker.stop();
			long total = 0;
			for (Future<Long> worker : workers) {
				total += worker.get();
			}
			double seconds = (System.nanoTime() - began) / 1e9;
			Worker.reset();
			return total / seconds;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void createBaselineTable(DataSource pool) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE baseline_counter (id integer PRIMARY KEY, n bigint NOT NULL)");
			statement
				.execute("INSERT INTO baseline_counter SELECT i, 0 FROM generate_series(0, " + this.threads + ") AS i");
		}
	}

	private HikariDataSource pool(TestDatabase database) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.jdbcUrl());
		config.setUsername(database.username());
		config.setPassword(database.password());
		config.setMaximumPoolSize(this.threads + 2);
		return new HikariDataSource(config);
	}

	/**
	 * Whichever SLF4J provider wins on the class path, only warnings are printed beside
	 * the figures.
	 */
	private static void quietLogs() {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
			logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
		}
	}

	private static void report(String what, double[] rates) {
		double[] sorted = rates.clone();
		Arrays.sort(sorted);
		double median = median(rates);
		System.out.printf(Locale.ROOT, "%-36s median %8.1f   min %8.1f   max %8.1f   spread %.1f%% of the median%n",
				what, median, sorted[0], sorted[sorted.length - 1],
				100 * (sorted[sorted.length - 1] - sorted[0]) / median);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** Start, stop and identity of the worker threads of one phase. */
	private static final class Worker {

		private static final ThreadLocal<Integer> index = new ThreadLocal<>();

		private static volatile boolean stopped;

		static long run(int workerIndex, CyclicBarrier start, Callable<Long> work) throws Exception {
			index.set(workerIndex);
			start.await();
			return work.call();
		}

		static int index() {
			return index.get();
		}

		static boolean stopped() {
			return stopped;
		}

		static void stop() {
			stopped = true;
		}

		static void reset() {
			stopped = false;
		}

	}

	/**
	 * The directory's services assembled without Spring Boot (a shaded jar cannot hold
	 * Boot's merged factories): plain Hibernate through Spring ORM, Spring Data
	 * repositories from their factory.
	 */
	private record Directory(LocalContainerEntityManagerFactoryBean factory, AccountService accounts,
			ListService lists) {

		static Directory open(DataSource dataSource) {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(dataSource);
			factory.setPackagesToScan(AccountEntity.class.getPackageName());
			factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
			factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "validate"));
			factory.afterPropertiesSet();
			EntityManagerFactory entityManagerFactory = factory.getObject();
			EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
			JpaRepositoryFactory repositories = new JpaRepositoryFactory(entityManager);
			AccountRepository accounts = repositories.getRepository(AccountRepository.class);
			ContactRepository contacts = repositories.getRepository(ContactRepository.class);
			GroupRepository groups = repositories.getRepository(GroupRepository.class);
			Transactions transactions = new Transactions(new JpaTransactionManager(entityManagerFactory));
			Clock clock = Clock.systemUTC();
			AccountService accountService = new AccountService(accounts, contacts, groups, transactions,
					PasswordVault.of("benchmark secret", List.of()), new BCryptPasswordEncoder(4), clock);
			ListService listService = new ListService(accounts, contacts, groups, transactions, ListRules.DEFAULT,
					clock);
			return new Directory(factory, accountService, listService);
		}

		void close() {
			this.factory.destroy();
		}

	}

}
