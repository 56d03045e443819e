package org.butterfly.standalone;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak run of issue 11, on the scaled-out platform of {@link TestCluster}: pairs of
 * users sign in through the dispatch server, chat through switchboards with {@code MSG A}
 * and change their lists, while the admin API pushes alerts; meanwhile notification node
 * 2 is killed with SIGKILL and started again, and PostgreSQL is restarted. Every client
 * reconnects by itself. At the end the books must balance: every message sent was
 * acknowledged, refused with {@code NAK} or lost with a connection the sender saw die;
 * every acknowledged message reached its recipient; every acknowledged list change is in
 * the database; every alert the API accepted reached its user exactly once; every sign-in
 * attempt succeeded or was reported failed.
 * <p>
 * All along, a flooder fills a switchboard's write buffers: it sends into a room where
 * one participant never reads and another does. The switchboard must cut the silent one
 * off as a slow reader, the reading one must get every message, and the room must go on.
 * <p>
 * Not part of the normal build: {@code ./mvnw -pl standalone -am verify -Dtest=SoakTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.minutes=10} (pairs with
 * {@code -Dsoak.pairs=}, default 10). The accounting is written to
 * {@code target/soak.json}.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "\\d+")
class SoakTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String PASSWORD = "soak-password";

	private final AtomicLong signInsAttempted = new AtomicLong();

	private final AtomicLong signInsOk = new AtomicLong();

	private final AtomicLong signInsFailed = new AtomicLong();

	private final AtomicLong messagesSent = new AtomicLong();

	private final AtomicLong messagesAcked = new AtomicLong();

	private final AtomicLong messagesNaked = new AtomicLong();

	private final AtomicLong messagesLost = new AtomicLong();

	private final AtomicLong messagesDelivered = new AtomicLong();

	private final AtomicLong ackedButNotDelivered = new AtomicLong();

	private final AtomicLong listChangesAcked = new AtomicLong();

	private final AtomicLong alertsPushed = new AtomicLong();

	private final AtomicLong alertsReceived = new AtomicLong();

	private final AtomicLong floodRooms = new AtomicLong();

	private final AtomicLong floodSent = new AtomicLong();

	private final AtomicLong floodDelivered = new AtomicLong();

	private final AtomicLong floodLost = new AtomicLong();

	private final AtomicLong floodNotDelivered = new AtomicLong();

	private final AtomicLong slowReadersCutOff = new AtomicLong();

	private final AtomicLong roomsGoneOnAfterCutOff = new AtomicLong();

	/** Alert ids received, to find duplicates. */
	private final Map<String, Integer> alertCopies = new ConcurrentHashMap<>();

	/**
	 * Per account: whether its FL holds its "extra" contact, after the last acknowledged
	 * change.
	 */
	private final Map<String, Boolean> expectedExtra = new ConcurrentHashMap<>();

	private TestCluster cluster;

	private volatile boolean running = true;

	@Test
	void theBooksBalanceAfterFailures() throws Exception {
		Duration length = Duration.ofMinutes(Long.getLong("soak.minutes"));
		int pairs = Integer.getInteger("soak.pairs", 10);
		try (TestCluster platform = TestCluster.start()) {
			this.cluster = platform;
			AdminClient admin = platform.admin();
			List<String[]> users = new ArrayList<>();
			for (int i = 0; i < pairs; i++) {
				String alice = "alice-" + i + "@soak.example";
				String bob = "bob-" + i + "@soak.example";
				String extra = "extra-" + i + "@soak.example";
				for (String user : List.of(alice, bob, extra)) {
					admin.createAccount(user, user.substring(0, user.indexOf('@')), PASSWORD);
				}
				this.expectedExtra.put(alice, false);
				users.add(new String[] { alice, bob, extra });
			}
			String[] flooders = { "carol@soak.example", "dave@soak.example", "erin@soak.example" };
			for (String user : flooders) {
				admin.createAccount(user, user.substring(0, user.indexOf('@')), PASSWORD);
			}
			ExecutorService workers = Executors.newFixedThreadPool(pairs + 2);
			List<Future<?>> done = new ArrayList<>();
			for (String[] pair : users) {
				done.add(workers.submit(() -> pair(pair[0], pair[1], pair[2])));
			}
			done.add(workers.submit(() -> flood(flooders[0], flooders[1], flooders[2])));
			done.add(workers.submit(() -> pushAlerts(admin, users)));
			long start = System.nanoTime();
			failures(start, length);
			this.running = false;
			for (Future<?> worker : done) {
				worker.get(2, TimeUnit.MINUTES);
			}
			workers.shutdown();
			collectQueuedAlerts(users);
			assertBooksBalance(admin);
		}
	}

	/**
	 * The failure schedule: NS2 killed at 30%, back at 45%; PostgreSQL restarted at 65%.
	 */
	private void failures(long start, Duration length) throws Exception {
		sleepUntil(start, length.multipliedBy(30).dividedBy(100));
		log("killing notification node 2 (SIGKILL)");
		this.cluster.killNs2();
		sleepUntil(start, length.multipliedBy(45).dividedBy(100));
		log("starting notification node 2 again");
		this.cluster.startNs2();
		sleepUntil(start, length.multipliedBy(65).dividedBy(100));
		log("restarting PostgreSQL");
		this.cluster.postgres().restart();
		sleepUntil(start, length);
	}

	/** One pair's life: sign in, chat, change lists; reconnect after any failure. */
	private void pair(String alice, String bob, String extra) {
		long sequence = 0;
		while (this.running) {
			try (MsnpTestClient aliceNs = signIn(alice); MsnpTestClient bobNs = signIn(bob)) {
				if (aliceNs == null || bobNs == null) {
					pause(500);
					continue;
				}
				Chat chat = Chat.open(this, aliceNs, bobNs, alice, bob);
				if (chat == null) {
					pause(500);
					continue;
				}
				try (chat) {
					while (this.running && chat.isOpen()) {
						sequence++;
						if (!chat.send(sequence)) {
							break;
						}
						drainAlerts(aliceNs);
						drainAlerts(bobNs);
						if (sequence % 10 == 0 && !toggleExtra(aliceNs, alice, extra, sequence)) {
							break;
						}
						pause(50);
					}
				}
				// Alerts pushed just before the end are still on their way.
				pause(1000);
				drainAlerts(aliceNs);
				drainAlerts(bobNs);
			}
			catch (Exception ex) {
				// A connection died under us (a killed node, a restarted database): start
				// over.
				pause(200);
			}
		}
	}

	/**
	 * The write-buffer flood, over and over: carol opens a room with erin, who reads, and
	 * dave, who joins over a raw socket with a tiny receive window and never reads; then
	 * carol sends {@code MSG U} as fast as the command rate limit lets her (18/s of 1.6
	 * KB) until the switchboard cuts dave off and she gets his {@code BYE}. Erin must
	 * have every message, and carol's {@code MSG A} after the {@code BYE} must be
	 * acknowledged.
	 */
	private void flood(String carol, String dave, String erin) {
		while (this.running) {
			try (MsnpTestClient carolNs = signIn(carol);
					MsnpTestClient daveNs = signIn(dave);
					MsnpTestClient erinNs = signIn(erin)) {
				if (carolNs == null || daveNs == null || erinNs == null) {
					pause(500);
					continue;
				}
				Chat chat = Chat.open(this, carolNs, erinNs, carol, erin);
				if (chat == null) {
					pause(500);
					continue;
				}
				try (chat; Socket silent = new Socket()) {
					chat.alice.send(Frame.of("CAL", "3", dave));
					Frame rng = (waitFor(chat.alice, "CAL") != null) ? waitFor(daveNs, "RNG") : null;
					if (rng == null) {
						continue;
					}
					silent.setReceiveBufferSize(1024);
					silent.connect(chat.address);
					silent.getOutputStream()
						.write(("ANS 1 " + dave + " " + rng.token(3) + " " + rng.token(0) + "\r\n")
							.getBytes(StandardCharsets.US_ASCII));
					if (waitFor(chat.alice, "JOI") != null) {
						floodUntilCutOff(chat, dave);
					}
				}
			}
			catch (Exception ex) {
				pause(200);
			}
		}
	}

	private void floodUntilCutOff(Chat chat, String silent) {
		long room = this.floodRooms.incrementAndGet();
		String padding = "x".repeat(1500);
		long sent = 0;
		boolean cutOff = false;
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (!cutOff && chat.isOpen() && System.nanoTime() < deadline) {
			String marker = "flood-" + room + "-" + (++sent);
			try {
				chat.alice.send(Frame.withPayload("MSG", List.of(String.valueOf(sent), "U"),
						"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + marker + " "
								+ padding));
			}
			catch (RuntimeException ex) {
				sent--;
				break;
			}
			this.floodSent.incrementAndGet();
			for (Object next = chat.alice.next(Duration.ZERO); next != null; next = chat.alice.next(Duration.ZERO)) {
				cutOff |= next instanceof Frame frame && frame.line().equals("BYE " + silent);
			}
			// Stays under the command rate limit (20/s after a burst of 200).
			pause(55);
		}
		if (cutOff) {
			this.slowReadersCutOff.incrementAndGet();
			chat.alice.send(Frame.withPayload("MSG", List.of("99999", "A"), "MIME-Version: 1.0\r\n\r\nstill here"));
			if (waitFor(chat.alice, "ACK") != null) {
				this.roomsGoneOnAfterCutOff.incrementAndGet();
			}
		}
		// The reader's books: every message sent, in order, unless the room broke.
		long delivered = 0;
		for (long i = 1; i <= sent; i++) {
			Frame received = waitFor(chat.bob, "MSG");
			if (received == null || !received.payloadAsUtf8().contains("flood-" + room + "-" + i + " ")) {
				break;
			}
			delivered++;
		}
		this.floodDelivered.addAndGet(delivered);
		if (chat.isOpen()) {
			this.floodNotDelivered.addAndGet(sent - delivered);
		}
		else {
			this.floodLost.addAndGet(sent - delivered);
		}
		log("flood room " + room + ": " + sent + " sent, " + delivered + " delivered, slow reader "
				+ (cutOff ? "cut off" : "not cut off"));
	}

	/** A sign-in through the dispatch server, or null (counted failed). */
	private MsnpTestClient signIn(String handle) {
		this.signInsAttempted.incrementAndGet();
		MsnpTestClient ns = null;
		try (MsnpTestClient ds = MsnpTestClient.connect(this.cluster.ds())) {
			ds.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			expect(ds, "VER");
			ds.send(Frame.of("USR", "2", "MD5", "I", handle));
			Frame referral = expect(ds, "XFR");
			String[] address = referral.token(2).split(":");
			ns = MsnpTestClient.connect(new InetSocketAddress(address[0], Integer.parseInt(address[1])));
			ns.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			expect(ns, "VER");
			ns.send(Frame.of("USR", "2", "MD5", "I", handle));
			String salt = expect(ns, "USR").token(3);
			ns.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(salt, PASSWORD)));
			expect(ns, "USR");
			ns.send(Frame.of("CHG", "4", "NLN"));
			waitFor(ns, "CHG");
			this.signInsOk.incrementAndGet();
			return ns;
		}
		catch (Exception | AssertionError ex) {
			// Refused, or the node went away mid-way (Netty rethrows its checked
			// ClosedChannelException from a failed write).
			this.signInsFailed.incrementAndGet();
			if (ns != null) {
				ns.close();
			}
			return null;
		}
	}

	/**
	 * Adds or removes the extra contact: the acknowledged state is what the database must
	 * hold at the end; an unanswered change is resolved by reading the list back after
	 * the next sign-in.
	 */
	private boolean toggleExtra(MsnpTestClient ns, String alice, String extra, long sequence) {
		Boolean present = this.expectedExtra.get(alice);
		if (present == null && (present = readBack(alice)) == null) {
			return true;
		}
		boolean add = !present;
		String trId = String.valueOf(100 + sequence % 1000);
		Frame reply;
		try {
			ns.send(add ? Frame.of("ADD", trId, "FL", extra, "Extra") : Frame.of("REM", trId, "FL", extra));
			reply = waitFor(ns, add ? "ADD" : "REM", "501", "500");
		}
		catch (Exception ex) {
			reply = null;
		}
		if (reply == null) {
			this.expectedExtra.remove(alice);
			return false;
		}
		if (reply.verb().equals(add ? "ADD" : "REM")) {
			this.expectedExtra.put(alice, add);
			this.listChangesAcked.incrementAndGet();
		}
		return true;
	}

	/**
	 * After an unanswered change: what the database holds now, or null if unreachable.
	 */
	private Boolean readBack(String alice) {
		try {
			JsonNode lists = this.cluster.admin().send("GET", "/api/v1/accounts/" + alice + "/lists", null, 200);
			boolean present = lists.get("FL")
				.findValuesAsString("email")
				.stream()
				.anyMatch((e) -> e.startsWith("extra-"));
			this.expectedExtra.put(alice, present);
			return present;
		}
		catch (Exception | AssertionError ex) {
			return null;
		}
	}

	private void pushAlerts(AdminClient admin, List<String[]> users) {
		long id = 0;
		while (this.running) {
			String user = users.get(ThreadLocalRandom.current().nextInt(users.size()))[1];
			try {
				String text = "soak-alert-" + (++id);
				admin.send("POST", "/api/v1/accounts/" + user + "/notifications", "{\"text\":\"" + text + "\"}", 202);
				this.alertsPushed.incrementAndGet();
			}
			catch (Exception | AssertionError ex) {
				// Refused (the database restarting): not accepted, so not counted.
			}
			pause(200);
		}
	}

	/** Counts the alerts among what arrived on a notification connection so far. */
	private void drainAlerts(MsnpTestClient ns) {
		for (Object next = ns.next(Duration.ZERO); next != null; next = ns.next(Duration.ZERO)) {
			countAlert(next);
		}
	}

	private void countAlert(Object received) {
		if (received instanceof Frame frame && frame.verb().equals("NOT")) {
			String document = frame.payloadAsUtf8();
			int start = document.indexOf("soak-alert-");
			String alert = document.substring(start, document.indexOf('<', start));
			this.alertsReceived.incrementAndGet();
			this.alertCopies.merge(alert, 1, Integer::sum);
		}
	}

	/** Signs every bob in once more: alerts queued while he was away arrive now. */
	private void collectQueuedAlerts(List<String[]> users) {
		for (String[] pair : users) {
			MsnpTestClient ns = signIn(pair[1]);
			if (ns != null) {
				try (ns) {
					ns.send(Frame.of("PNG"));
					waitFor(ns, "QNG");
					pause(500);
					drainAlerts(ns);
				}
			}
		}
	}

	private void assertBooksBalance(AdminClient admin) throws Exception {
		long missingChanges = 0;
		for (Map.Entry<String, Boolean> expected : this.expectedExtra.entrySet()) {
			JsonNode lists = admin.send("GET", "/api/v1/accounts/" + expected.getKey() + "/lists", null, 200);
			boolean present = lists.get("FL")
				.findValuesAsString("email")
				.stream()
				.anyMatch((e) -> e.startsWith("extra-"));
			if (present != expected.getValue()) {
				missingChanges++;
			}
		}
		long duplicates = this.alertCopies.values().stream().filter((copies) -> copies > 1).count();
		Map<String, Long> alertStates = alertStates();
		long serverDelivered = alertStates.getOrDefault("DELIVERED", 0L);
		long serverPending = alertStates.getOrDefault("PENDING", 0L);
		String books = String.format(java.util.Locale.ROOT,
				"""
						{"signIns":{"attempted":%d,"ok":%d,"failed":%d},
						 "messages":{"sent":%d,"acked":%d,"naked":%d,"lostWithConnection":%d,"delivered":%d,"ackedNotDelivered":%d},
						 "listChanges":{"acknowledged":%d,"checkedAccounts":%d,"missing":%d},
						 "alerts":{"accepted":%d,"serverDelivered":%d,"serverPending":%d,"received":%d,"distinct":%d,
						  "duplicates":%d,"deliveredToAConnectionThatDied":%d},
						 "flood":{"rooms":%d,"sent":%d,"delivered":%d,"lostWithConnection":%d,"notDelivered":%d,
						  "slowReadersCutOff":%d,"roomsWentOn":%d}}
						""",
				this.signInsAttempted.get(), this.signInsOk.get(), this.signInsFailed.get(), this.messagesSent.get(),
				this.messagesAcked.get(), this.messagesNaked.get(), this.messagesLost.get(),
				this.messagesDelivered.get(), this.ackedButNotDelivered.get(), this.listChangesAcked.get(),
				this.expectedExtra.size(), missingChanges, this.alertsPushed.get(), serverDelivered, serverPending,
				this.alertsReceived.get(), this.alertCopies.size(), duplicates,
				serverDelivered - this.alertCopies.size(), this.floodRooms.get(), this.floodSent.get(),
				this.floodDelivered.get(), this.floodLost.get(), this.floodNotDelivered.get(),
				this.slowReadersCutOff.get(), this.roomsGoneOnAfterCutOff.get());
		Files.writeString(Path.of("target", "soak.json"), books, StandardCharsets.UTF_8);
		log("books: " + books);
		assertThat(this.signInsOk.get() + this.signInsFailed.get()).isEqualTo(this.signInsAttempted.get());
		assertThat(this.messagesAcked.get() + this.messagesNaked.get() + this.messagesLost.get())
			.isEqualTo(this.messagesSent.get());
		assertThat(this.ackedButNotDelivered.get()).as("acknowledged but never delivered").isZero();
		assertThat(missingChanges).as("acknowledged list changes lost").isZero();
		assertThat(duplicates).as("alerts delivered twice").isZero();
		// Every accepted alert was handed to a session (none left queued), and the client
		// got each at most once; one handed to a connection closing at that moment (a
		// killed node, a client leaving) is lost with it: delivery is at most once.
		assertThat(serverDelivered + serverPending).as("alerts in the queue").isEqualTo(this.alertsPushed.get());
		assertThat(serverPending).as("alerts never handed over").isZero();
		assertThat((long) this.alertCopies.size()).as("alerts received").isLessThanOrEqualTo(serverDelivered);
		assertThat(this.messagesAcked.get()).as("the platform did work").isPositive();
		assertThat(this.floodDelivered.get() + this.floodLost.get() + this.floodNotDelivered.get())
			.isEqualTo(this.floodSent.get());
		assertThat(this.floodNotDelivered.get()).as("flood messages missing in a room that went on").isZero();
		assertThat(this.slowReadersCutOff.get()).as("slow readers cut off").isPositive();
		assertThat(this.roomsGoneOnAfterCutOff.get()).as("rooms that went on after the cut-off")
			.isEqualTo(this.slowReadersCutOff.get());
	}

	/** The alert queue's rows by state, read from the database itself. */
	private Map<String, Long> alertStates() throws SQLException {
		Map<String, Long> states = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(this.cluster.postgres().jdbcUrl("postgres"),
				this.cluster.postgres().superuser(), "");
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT state, count(*) FROM notification GROUP BY state")) {
			while (rows.next()) {
				states.put(rows.getString(1), rows.getLong(2));
			}
		}
		return states;
	}

	/**
	 * A switchboard conversation between a pair: alice opens it and calls bob, who
	 * answers the ring on his notification connection.
	 */
	private static final class Chat implements AutoCloseable {

		private final SoakTest soak;

		private final MsnpTestClient alice;

		private final MsnpTestClient bob;

		private final InetSocketAddress address;

		private Chat(SoakTest soak, MsnpTestClient alice, MsnpTestClient bob, InetSocketAddress address) {
			this.soak = soak;
			this.alice = alice;
			this.bob = bob;
			this.address = address;
		}

		static Chat open(SoakTest soak, MsnpTestClient aliceNs, MsnpTestClient bobNs, String alice, String bob) {
			aliceNs.send(Frame.of("XFR", "10", "SB"));
			Frame xfr = soak.waitFor(aliceNs, "XFR", "280", "913");
			if (xfr == null || !xfr.verb().equals("XFR")) {
				return null;
			}
			String[] sb = xfr.token(2).split(":");
			InetSocketAddress address = new InetSocketAddress(sb[0], Integer.parseInt(sb[1]));
			MsnpTestClient aliceSb = MsnpTestClient.connect(address);
			aliceSb.send(Frame.of("USR", "1", alice, xfr.token(4)));
			if (soak.waitFor(aliceSb, "USR") == null) {
				aliceSb.close();
				return null;
			}
			aliceSb.send(Frame.of("CAL", "2", bob));
			if (soak.waitFor(aliceSb, "CAL") == null) {
				aliceSb.close();
				return null;
			}
			Frame rng = soak.waitFor(bobNs, "RNG");
			if (rng == null) {
				aliceSb.close();
				return null;
			}
			MsnpTestClient bobSb = MsnpTestClient.connect(address);
			bobSb.send(Frame.of("ANS", "1", bob, rng.token(3), rng.token(0)));
			if (soak.waitFor(bobSb, "ANS") == null || soak.waitFor(aliceSb, "JOI") == null) {
				aliceSb.close();
				bobSb.close();
				return null;
			}
			return new Chat(soak, aliceSb, bobSb, address);
		}

		boolean isOpen() {
			return this.alice.isOpen() && this.bob.isOpen();
		}

		/** One {@code MSG A}: false when the conversation broke. */
		boolean send(long sequence) {
			String trId = String.valueOf(1 + sequence % 100000);
			String text = "soak-message-" + sequence;
			this.soak.messagesSent.incrementAndGet();
			try {
				this.alice.send(Frame.withPayload("MSG", List.of(trId, "A"),
						"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text));
			}
			catch (RuntimeException ex) {
				this.soak.messagesLost.incrementAndGet();
				return false;
			}
			Frame answer = this.soak.waitFor(this.alice, "ACK", "NAK");
			if (answer == null) {
				this.soak.messagesLost.incrementAndGet();
				return false;
			}
			if (answer.verb().equals("NAK")) {
				this.soak.messagesNaked.incrementAndGet();
				return true;
			}
			this.soak.messagesAcked.incrementAndGet();
			Frame received = this.soak.waitFor(this.bob, "MSG");
			if (received != null && received.payloadAsUtf8().endsWith(text)) {
				this.soak.messagesDelivered.incrementAndGet();
			}
			else {
				this.soak.ackedButNotDelivered.incrementAndGet();
			}
			return true;
		}

		@Override
		public void close() {
			this.alice.close();
			this.bob.close();
		}

	}

	/** The next line whose verb is one of {@code verbs}; null when closed or late. */
	private Frame waitFor(MsnpTestClient client, String... verbs) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Object next = client.next(Duration.ofMillis(200));
			if (next == MsnpTestClient.CLOSED) {
				return null;
			}
			if (next instanceof Frame frame) {
				countAlert(frame);
				for (String verb : verbs) {
					if (frame.verb().equals(verb)) {
						return frame;
					}
				}
			}
		}
		return null;
	}

	private Frame expect(MsnpTestClient client, String verb) {
		Frame frame = waitFor(client, verb);
		if (frame == null) {
			throw new IllegalStateException("no " + verb);
		}
		return frame;
	}

	private static void sleepUntil(long start, Duration offset) throws InterruptedException {
		long wait = start + offset.toNanos() - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void log(String line) {
		System.out.println("[soak] " + line);
	}

}
