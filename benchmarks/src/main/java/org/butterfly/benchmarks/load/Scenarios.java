package org.butterfly.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.butterfly.benchmarks.load.Phase.Round;
import org.butterfly.benchmarks.load.Target.Account;
import org.butterfly.benchmarks.switchboard.LineEchoServer;
import org.butterfly.client.Alert;
import org.butterfly.client.ClientListener;
import org.butterfly.client.Invitation;
import org.butterfly.client.Message;
import org.butterfly.client.MessengerClient;
import org.butterfly.client.Presence;
import org.butterfly.client.Switchboard;
import org.butterfly.client.SwitchboardListener;
import org.butterfly.protocol.command.ClientCommands.AckMode;
import org.butterfly.protocol.vocab.Status;

/**
 * The scenarios of issue 10, each measured in rounds beside a baseline of the same run.
 * Every phase is bounded by {@code --seconds}; every wait by the client's timeout.
 */
final class Scenarios {

	/**
	 * A chat line whose payload, with the official client's headers, is about 200 bytes.
	 */
	private static final String TEXT = "x".repeat(100);

	/**
	 * How long the server gets to drop signed-out sessions before its heap is measured.
	 */
	private static final long SETTLE_MILLIS = 3000;

	/** The longest wait for one alert to reach everybody, and for its baseline. */
	private static final int ALERT_WAIT_SECONDS = 120;

	private final LoadOptions options;

	private final Target target;

	private final Users users;

	private final List<Account> accounts;

	Scenarios(LoadOptions options, Target target, Users users) {
		this.options = options;
		this.target = target;
		this.users = users;
		if (target.accounts().size() < options.users()) {
			throw new IllegalArgumentException(
					"--users " + options.users() + " but only " + target.accounts().size() + " accounts");
		}
		this.accounts = target.accounts().subList(0, options.users());
	}

	// ---- 1. sign-ins per second, beside single-row UPDATEs per second

	Report signIns() throws Exception {
		AtomicInteger next = new AtomicInteger();
		run("sign-in warm-up", 2, (phase, thread) -> signInOnce(phase, next));
		List<Round> rounds = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<Double> baselines = new ArrayList<>();
		for (int r = 1; r <= this.options.rounds(); r++) {
			Round signIns = run("sign-ins " + r, this.options.seconds(), (phase, thread) -> signInOnce(phase, next));
			Round updates = updates("UPDATE " + r, 0);
			System.out.println("round " + r + ": " + signIns + " | " + updates);
			rounds.add(signIns);
			values.add(signIns.perSecond());
			baselines.add(updates.perSecond());
		}
		return report("signin", "sign-ins/s", "single-row UPDATEs/s (JDBC, same database, same threads)", rounds,
				values, baselines);
	}

	/**
	 * A fresh client: VER, INF, USR I/S, SYN from version 0 (a full dump), CHG NLN; then
	 * OUT.
	 */
	private boolean signInOnce(Phase phase, AtomicInteger next) {
		int index = Math.floorMod(next.getAndIncrement(), this.accounts.size());
		long start = System.nanoTime();
		try (MessengerClient client = client(index, null)) {
			signIn(client, index);
			phase.done(System.nanoTime() - start);
		}
		catch (Exception ex) {
			phase.error(ex);
		}
		return true;
	}

	private void signIn(MessengerClient client, int index) throws Exception {
		Account account = this.accounts.get(index);
		long timeout = this.users.timeout().toMillis();
		client.signIn(account.email(), account.password()).get(timeout, TimeUnit.MILLISECONDS);
		client.sync().get(timeout, TimeUnit.MILLISECONDS);
		client.setStatus(Status.NLN).get(timeout, TimeUnit.MILLISECONDS);
	}

	/**
	 * Signs a client in and keeps it in {@code open}; on failure records the error and
	 * closes it.
	 * @return whether the client is signed in
	 */
	private boolean holdSignedIn(MessengerClient client, int index, Phase phase,
			ConcurrentLinkedQueue<MessengerClient> open) {
		long start = System.nanoTime();
		try {
			signIn(client, index);
			open.add(client);
			phase.open();
			phase.done(System.nanoTime() - start);
			return true;
		}
		catch (Exception ex) {
			phase.error(ex);
			client.close();
			return false;
		}
	}

	private MessengerClient client(int index, ClientListener listener) {
		List<InetSocketAddress> nodes = this.target.nodes();
		return this.users.client(nodes.get(index % nodes.size()), listener);
	}

	/**
	 * Autocommit single-row UPDATEs on the server's database, one row per thread: for
	 * {@code --seconds}, or until {@code count} are done if it is positive.
	 */
	private Round updates(String name, long count) throws Exception {
		int threads = this.options.concurrency();
		List<Connection> connections = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				connections.add(this.target.database());
			}
		}
		catch (SQLException ex) {
			System.out.println("no baseline: " + ex.getMessage());
			return run(name + " (none)", 1, (phase, thread) -> false);
		}
		try (Statement create = connections.get(0).createStatement()) {
			create.execute("CREATE TABLE IF NOT EXISTS loadgen_baseline (id int PRIMARY KEY, n bigint NOT NULL)");
			create.execute("INSERT INTO loadgen_baseline SELECT g, 0 FROM generate_series(0, " + (threads - 1)
					+ ") g ON CONFLICT DO NOTHING");
		}
		List<PreparedStatement> updates = new ArrayList<>();
		for (Connection connection : connections) {
			updates.add(connection.prepareStatement("UPDATE loadgen_baseline SET n = n + 1 WHERE id = ?"));
		}
		try {
			AtomicLong left = new AtomicLong((count > 0) ? count : Long.MAX_VALUE);
			return run(name, (count > 0) ? ALERT_WAIT_SECONDS : this.options.seconds(), (phase, thread) -> {
				if (left.decrementAndGet() < 0) {
					return false;
				}
				long start = System.nanoTime();
				try {
					PreparedStatement update = updates.get(thread);
					update.setInt(1, thread);
					update.executeUpdate();
					phase.done(System.nanoTime() - start);
				}
				catch (SQLException ex) {
					phase.error(ex);
				}
				return true;
			});
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	// ---- 2. idle sessions and the server's heap per session, beside the empty heap

	Report idleSessions() throws Exception {
		List<Round> rounds = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<Double> baselines = new ArrayList<>();
		for (int r = 1; r <= this.options.rounds(); r++) {
			OptionalLong empty = this.target.heapAfterGc();
			ConcurrentLinkedQueue<MessengerClient> open = new ConcurrentLinkedQueue<>();
			AtomicInteger next = new AtomicInteger();
			Phase phase = new Phase("idle " + r);
			// Sign everyone in (within half of --max-seconds), then hold the sessions for
			// --seconds.
			workers(phase, this.options.concurrency(), deadline(this.options.maxSeconds() / 2), (thread) -> {
				int index = next.getAndIncrement();
				if (index >= this.accounts.size()) {
					return false;
				}
				holdSignedIn(client(index, null), index, phase, open);
				return true;
			});
			Thread.sleep(this.options.seconds() * 1000L);
			long held = open.stream().filter(MessengerClient::isSignedIn).count();
			OptionalLong full = this.target.heapAfterGc();
			Round round = phase.finish();
			double perSession = (empty.isPresent() && held > 0) ? (full.getAsLong() - empty.getAsLong()) / (double) held
					: 0;
			System.out.printf("round %d: %s; %d sessions held; server heap %s -> %s bytes, %.0f bytes per session%n", r,
					round, held, empty, full, perSession);
			rounds.add(round);
			values.add(perSession);
			baselines.add((double) empty.orElse(0));
			closeAll(open);
			// The server tears the sessions down after the clients' OUT: the next round's
			// empty heap must not include them.
			Thread.sleep(SETTLE_MILLIS);
		}
		return report("idle", "server heap bytes per idle session", "empty server heap bytes after GC", rounds, values,
				baselines);
	}

	private void closeAll(ConcurrentLinkedQueue<MessengerClient> clients) throws Exception {
		workers(null, this.options.concurrency(), deadline(60), (thread) -> {
			MessengerClient client = clients.poll();
			if (client == null) {
				return false;
			}
			client.close();
			return true;
		});
	}

	// ---- 5. a NOT from the admin API to everybody online, beside as many single-row
	// UPDATEs

	/**
	 * Signs every user in and holds them; each round pushes one alert to "online" through
	 * the admin API and measures, per user, the time from the request to the alert's
	 * arrival. The value is the time until the last user has it; the baseline is the time
	 * the same threads take for as many autocommit single-row UPDATEs (one per recipient,
	 * as the queue writes one row per recipient).
	 */
	Report alerts() throws Exception {
		Target.AdminApi admin = this.target.adminApi()
			.orElseThrow(() -> new IllegalStateException("the alerts scenario needs the admin API"));
		AtomicReference<Phase> current = new AtomicReference<>();
		AtomicLong pushedAt = new AtomicLong();
		ConcurrentLinkedQueue<MessengerClient> open = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		Phase signIns = new Phase("alert sign-ins");
		workers(signIns, this.options.concurrency(), deadline(this.options.maxSeconds() / 2), (thread) -> {
			int index = next.getAndIncrement();
			if (index >= this.accounts.size()) {
				return false;
			}
			holdSignedIn(client(index, new ClientListener() {
				@Override
				public void alert(Alert alert) {
					Phase phase = current.get();
					if (phase != null && alert.text().equals(phase.name())) {
						phase.done(System.nanoTime() - pushedAt.get());
					}
				}
			}), index, signIns, open);
			return true;
		});
		System.out.println("signed in: " + signIns.finish());
		long held = open.stream().filter(MessengerClient::isSignedIn).count();
		HttpClient http = HttpClient.newBuilder().connectTimeout(this.users.timeout()).build();
		List<Round> rounds = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<Double> baselines = new ArrayList<>();
		try {
			for (int r = 1; r <= this.options.rounds(); r++) {
				Phase phase = new Phase("load-alert-" + r);
				HttpRequest push = HttpRequest.newBuilder(admin.url().resolve("/api/v1/notifications"))
					.header("Authorization", "Bearer " + admin.token())
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(ALERT_WAIT_SECONDS))
					.POST(BodyPublishers.ofString("{\"to\":\"online\",\"text\":\"" + phase.name() + "\"}"))
					.build();
				pushedAt.set(System.nanoTime());
				current.set(phase);
				HttpResponse<String> response = http.send(push, BodyHandlers.ofString());
				double answeredMillis = (System.nanoTime() - pushedAt.get()) / 1e6;
				if (response.statusCode() != 202) {
					phase.error(new IOException(
							"the admin API answered " + response.statusCode() + ": " + response.body()));
				}
				long end = deadline(ALERT_WAIT_SECONDS);
				while (phase.count() < held && System.nanoTime() < end && response.statusCode() == 202) {
					Thread.sleep(5);
				}
				current.set(null);
				Round round = phase.finish();
				Round updates = updates("UPDATE x" + held + " " + r, held);
				double last = round.millis(1.0);
				System.out.printf(Locale.ROOT,
						"round %d: the admin API answered 202 after %.1f ms; %d of %d users had the alert, the last "
								+ "after %.1f ms (p50 %.1f, p99 %.1f) | %d UPDATEs took %.1f ms%n",
						r, answeredMillis, round.count(), held, last, round.millis(0.5), round.millis(0.99),
						updates.count(), updates.seconds() * 1000);
				rounds.add(round);
				values.add(last);
				baselines.add(updates.seconds() * 1000);
				Thread.sleep(1000);
			}
		}
		finally {
			closeAll(open);
		}
		return report("alerts", "ms until the last online user has the NOT",
				"ms for as many single-row UPDATEs (JDBC, same database, same threads)", rounds, values, baselines);
	}

	// ---- 4. presence fan-out CHG -> NLN at the watchers, beside the CHG echo at the
	// owner

	List<Report> fanOut() throws Exception {
		int count = this.accounts.size();
		Map<String, Integer> indexOf = new HashMap<>();
		for (int i = 0; i < count; i++) {
			indexOf.put(this.accounts.get(i).email().toLowerCase(Locale.ROOT), i);
		}
		AtomicLongArray sentAt = new AtomicLongArray(count);
		AtomicReferenceArray<Status> expected = new AtomicReferenceArray<>(count);
		// The phases the watchers' callbacks record into: same node, other node.
		AtomicReferenceArray<Phase> current = new AtomicReferenceArray<>(2);
		int nodes = this.target.nodes().size();
		ConcurrentLinkedQueue<MessengerClient> open = new ConcurrentLinkedQueue<>();
		AtomicReferenceArray<MessengerClient> clients = new AtomicReferenceArray<>(count);
		AtomicInteger next = new AtomicInteger();
		Phase signIns = new Phase("fan-out sign-ins");
		workers(signIns, this.options.concurrency(), deadline(120), (thread) -> {
			int watcher = next.getAndIncrement();
			if (watcher >= count) {
				return false;
			}
			MessengerClient client = client(watcher, new ClientListener() {
				@Override
				public void presenceChanged(String handle, Presence presence) {
					Integer owner = indexOf.get(handle.toLowerCase(Locale.ROOT));
					long sent = (owner != null) ? sentAt.get(owner) : 0;
					if (sent != 0 && presence.status() == expected.get(owner)) {
						Phase phase = current.get((owner % nodes == watcher % nodes) ? 0 : 1);
						if (phase != null) {
							phase.done(System.nanoTime() - sent);
						}
					}
				}
			});
			if (holdSignedIn(client, watcher, signIns, open)) {
				clients.set(watcher, client);
			}
			return true;
		});
		System.out.println(signIns.finish());
		Thread.sleep(1000); // the sign-ins' ILN and NLN settle
		List<Round> same = new ArrayList<>();
		List<Round> cross = new ArrayList<>();
		List<Round> echoes = new ArrayList<>();
		long interval = 1_000_000_000L / this.options.rate();
		int owner = 0;
		try {
			for (int r = 1; r <= this.options.rounds(); r++) {
				current.set(0, new Phase("NLN same node " + r));
				current.set(1, (nodes > 1) ? new Phase("NLN other node " + r) : null);
				Phase echo = new Phase("CHG echo " + r);
				long end = deadline(this.options.seconds());
				List<CompletableFuture<?>> changes = new ArrayList<>();
				for (long due = System.nanoTime(); due < end; due += interval) {
					LockSupport.parkNanos(due - System.nanoTime());
					owner = (owner + 1) % count;
					MessengerClient client = clients.get(owner);
					if (client == null) {
						continue;
					}
					Status status = (expected.get(owner) == Status.BSY) ? Status.AWY : Status.BSY;
					expected.set(owner, status);
					long start = System.nanoTime();
					sentAt.set(owner, start);
					changes.add(client.setStatus(status).whenComplete((done, failure) -> {
						if (failure != null) {
							echo.error(failure);
						}
						else {
							echo.done(System.nanoTime() - start);
						}
					}));
				}
				CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new))
					.handle((done, failure) -> null)
					.get(this.users.timeout().toMillis(), TimeUnit.MILLISECONDS);
				Thread.sleep(200); // the last NLNs
				Round echoRound = echo.finish();
				echoes.add(echoRound);
				same.add(current.get(0).finish());
				System.out.println("round " + r + ": " + same.get(r - 1) + " | " + echoRound);
				if (current.get(1) != null) {
					cross.add(current.get(1).finish());
					System.out.println("         " + cross.get(r - 1));
				}
			}
		}
		finally {
			current.set(0, null);
			current.set(1, null);
			closeAll(open);
		}
		List<Double> echoP99 = echoes.stream().map((round) -> round.millis(0.99)).toList();
		List<Report> reports = new ArrayList<>();
		reports.add(report("fanout-same-node", "CHG to NLN p99 ms, watchers on the owner's node",
				"CHG echo p99 ms at the owner (one round trip)", same,
				same.stream().map((round) -> round.millis(0.99)).toList(), echoP99));
		if (!cross.isEmpty()) {
			reports.add(report("fanout-cross-node", "CHG to NLN p99 ms, watchers on the other node",
					"CHG echo p99 ms at the owner (one round trip)", cross,
					cross.stream().map((round) -> round.millis(0.99)).toList(), echoP99));
		}
		return reports;
	}

	// ---- 3. chats: XFR SB, CAL, ANS, then MSG A -> ACK, beside a raw line echo

	Report chats() throws Exception {
		int pairs = this.accounts.size() / 2;
		List<Switchboard> conversations = new ArrayList<>();
		ConcurrentLinkedQueue<MessengerClient> open = new ConcurrentLinkedQueue<>();
		List<Round> rounds = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		List<Double> baselines = new ArrayList<>();
		long timeout = this.users.timeout().toMillis();
		try (LineEchoServer echo = new LineEchoServer(1)) {
			for (int p = 0; p < pairs; p++) {
				MessengerClient caller = client(2 * p, null);
				MessengerClient[] callee = new MessengerClient[1];
				CompletableFuture<Switchboard> answered = new CompletableFuture<>();
				callee[0] = client(2 * p + 1, new ClientListener() {
					@Override
					public void invited(Invitation invitation) {
						callee[0].answer(invitation, new SwitchboardListener() {
						}).whenComplete((switchboard, failure) -> {
							if (failure != null) {
								answered.completeExceptionally(failure);
							}
							else {
								answered.complete(switchboard);
							}
						});
					}
				});
				open.add(caller);
				open.add(callee[0]);
				signIn(caller, 2 * p);
				signIn(callee[0], 2 * p + 1);
				Switchboard switchboard = caller.openSwitchboard(new SwitchboardListener() {
				}).get(timeout, TimeUnit.MILLISECONDS);
				switchboard.invite(this.accounts.get(2 * p + 1).email()).get(timeout, TimeUnit.MILLISECONDS);
				conversations.add(switchboard);
				conversations.add(answered.get(timeout, TimeUnit.MILLISECONDS));
			}
			System.out.println(pairs + " conversations open");
			for (int r = 1; r <= this.options.rounds(); r++) {
				Round messages = messages(r, conversations);
				Round lines = echoes(r, echo.address(), conversations.size() / 2);
				System.out.println("round " + r + ": " + messages + " | " + lines);
				rounds.add(messages);
				values.add(messages.perSecond());
				baselines.add(lines.perSecond());
			}
		}
		finally {
			conversations.forEach(Switchboard::close);
			closeAll(open);
		}
		return report("chat", "MSG A acknowledged/s (callers send, window " + this.options.window() + ")",
				"raw Netty line echo lines/s (same connections count and window)", rounds, values, baselines);
	}

	/** Each caller keeps {@code --window} acknowledged messages in flight. */
	private Round messages(int round, List<Switchboard> conversations) throws Exception {
		Phase phase = new Phase("MSG A " + round);
		long end = deadline(this.options.seconds());
		List<CompletableFuture<Void>> senders = new ArrayList<>();
		for (int c = 0; c < conversations.size(); c += 2) {
			for (int w = 0; w < this.options.window(); w++) {
				CompletableFuture<Void> finished = new CompletableFuture<>();
				send(conversations.get(c), phase, end, finished);
				senders.add(finished);
			}
		}
		CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new))
			.get(this.options.seconds() * 1000L + this.users.timeout().toMillis(), TimeUnit.MILLISECONDS);
		return phase.finish();
	}

	private void send(Switchboard switchboard, Phase phase, long end, CompletableFuture<Void> finished) {
		if (System.nanoTime() >= end) {
			finished.complete(null);
			return;
		}
		long start = System.nanoTime();
		switchboard.send(Message.text(TEXT), AckMode.A).whenComplete((done, failure) -> {
			if (failure != null) {
				phase.error(failure);
				finished.complete(null);
			}
			else {
				phase.done(System.nanoTime() - start);
				send(switchboard, phase, end, finished);
			}
		});
	}

	/**
	 * Lines of the size of a MSG A through a raw echo, {@code --window} in flight each.
	 */
	private Round echoes(int round, InetSocketAddress address, int connections) throws Exception {
		byte[] line = ("MSG 1 A " + Message.text(TEXT).toBytes().length + " " + TEXT + TEXT + "\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		Phase phase = new Phase("echo " + round);
		long end = deadline(this.options.seconds());
		List<Future<?>> work = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			work.add(pool.submit(() -> {
				try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
					socket.setTcpNoDelay(true);
					OutputStream out = socket.getOutputStream();
					BufferedReader in = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
					ArrayDeque<Long> sent = new ArrayDeque<>();
					for (int w = 0; w < this.options.window(); w++) {
						sent.add(System.nanoTime());
						out.write(line);
					}
					while (System.nanoTime() < end && in.readLine() != null) {
						phase.done(System.nanoTime() - sent.poll());
						sent.add(System.nanoTime());
						out.write(line);
					}
				}
				catch (IOException ex) {
					phase.error(ex);
				}
				return null;
			}));
		}
		for (Future<?> done : work) {
			done.get();
		}
		pool.shutdown();
		return phase.finish();
	}

	// ---- running phases

	/** One unit of work on a worker thread; false when there is no more. */
	@FunctionalInterface
	interface Work {

		boolean next(Phase phase, int thread) throws Exception;

	}

	@FunctionalInterface
	interface Step {

		boolean next(int thread) throws Exception;

	}

	/** Runs {@code work} on {@code --concurrency} threads for {@code seconds}. */
	private Round run(String name, int seconds, Work work) throws Exception {
		Phase phase = new Phase(name);
		workers(phase, this.options.concurrency(), deadline(seconds), (thread) -> work.next(phase, thread));
		return phase.finish();
	}

	private static void workers(Phase phase, int threads, long deadline, Step step) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				work.add(pool.submit(() -> {
					while (System.nanoTime() < deadline && step.next(thread)) {
						// next
					}
					return null;
				}));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static long deadline(int seconds) {
		return System.nanoTime() + seconds * 1_000_000_000L;
	}

	private Report report(String scenario, String value, String baseline, List<Round> rounds, List<Double> values,
			List<Double> baselines) {
		Map<String, Object> parameters = this.options.toJson();
		parameters.put("target", this.target.describe());
		Report report = new Report(scenario, value, baseline, parameters, rounds, values, baselines);
		System.out.println(report.summary());
		return report;
	}

}
