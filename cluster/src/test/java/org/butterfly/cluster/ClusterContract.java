package org.butterfly.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every implementation of the cluster's contracts ({@link ClusterBus},
 * {@link SessionDirectory}, {@link NodeRegistry}) must do (STYLE.md P11): the in-memory
 * and the PostgreSQL implementations both implement this interface.
 */
public interface ClusterContract {

	Duration WAIT = Duration.ofSeconds(5);

	ClusterBus bus();

	SessionDirectory sessions();

	NodeRegistry registry();

	/** Makes the node's last heartbeat older than the registry's expiry. */
	void expire(String node);

	/** Subscriptions opened by the test, closed after it. */
	List<Subscription> subscriptions();

	@AfterEach
	default void closeSubscriptions() {
		subscriptions().forEach(Subscription::close);
		subscriptions().clear();
	}

	default Inbox subscribe(String node) {
		Inbox inbox = new Inbox();
		subscriptions().add(bus().subscribe(node, inbox));
		return inbox;
	}

	@Test
	default void aBatchReachesOnlyItsNode() {
		Inbox a = subscribe("node_a");
		Inbox b = subscribe("node_b");
		List<ClusterEvent> batch = List.of(new ClusterEvent.Kick("x@example.com"),
				new ClusterEvent.NotificationPushed("x@example.com", 42));
		bus().send("node_a", batch);
		assertThat(a.next()).isEqualTo(batch);
		assertThat(b.nothing()).isTrue();
		assertThat(a.nothing()).as("delivered once").isTrue();
	}

	@Test
	default void aBroadcastReachesEveryNode() {
		Inbox a = subscribe("node_a");
		Inbox b = subscribe("node_b");
		bus().broadcast(new ClusterEvent.SystemMessage(5));
		assertThat(a.next()).containsExactly(new ClusterEvent.SystemMessage(5));
		assertThat(b.next()).containsExactly(new ClusterEvent.SystemMessage(5));
	}

	@Test
	default void everyEventSurvivesTheTrip() {
		Inbox a = subscribe("node_a");
		Map<String, String> phones = new java.util.LinkedHashMap<>();
		phones.put("PHH", "1%20555");
		phones.put("MOB", null);
		List<ClusterEvent> all = List.of(
				new ClusterEvent.PresenceChanged("w@example.com", "u@example.com", "BSY", "U%20é"),
				new ClusterEvent.PresenceChanged("w@example.com", "u@example.com", null, null),
				new ClusterEvent.EntryAdded("w@example.com", "RL", 7, "u@example.com", "U"),
				new ClusterEvent.EntryRemoved("w@example.com", "RL", 8, "u@example.com"),
				new ClusterEvent.PhonesChanged("w@example.com", 9, "u@example.com", phones),
				new ClusterEvent.SignedInElsewhere("w@example.com", "session-1"),
				new ClusterEvent.NotificationPushed("w@example.com", 12), new ClusterEvent.Kick("w@example.com"),
				new ClusterEvent.Ring("w@example.com", "11752013", "127.0.0.1:1865", "17262740.1050826919.32308",
						"u@example.com", "U", "sb_0a1b2c3d4e5f", 42),
				new ClusterEvent.RingAnswered(42, "DELIVERED", "W%20w"), new ClusterEvent.SystemMessage(3));
		bus().send("node_a", all);
		List<ClusterEvent> received = a.next();
		assertThat(received).isEqualTo(all);
		assertThat(((ClusterEvent.PhonesChanged) received.get(4)).changed().keySet()).containsExactly("PHH", "MOB");
	}

	@Test
	default void aPageSurvivesTheTrip() {
		Inbox a = subscribe("node_a");
		List<ClusterEvent> page = List
			.of(new ClusterEvent.PageReceived("w@example.com", 41, "u@example.com", 7, 1033, "On my way & <back>"));
		bus().send("node_a", page);
		assertThat(a.next()).isEqualTo(page);
	}

	@Test
	default void aBatchOverTheNotifyLimitGoesThrough() {
		Inbox a = subscribe("node_a");
		List<ClusterEvent> big = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			big.add(new ClusterEvent.PresenceChanged("watcher-" + i + "@example.com", "u@example.com", "NLN", "U"));
		}
		bus().send("node_a", big);
		assertThat(a.next()).isEqualTo(big);
	}

	@Test
	default void batchesFromOneThreadArriveInOrder() {
		Inbox a = subscribe("node_a");
		for (int i = 0; i < 200; i++) {
			bus().send("node_a", List.of(new ClusterEvent.NotificationPushed("x@example.com", i)));
		}
		for (int i = 0; i < 200; i++) {
			assertThat(a.next()).containsExactly(new ClusterEvent.NotificationPushed("x@example.com", i));
		}
	}

	@Test
	default void aClosedSubscriptionHearsNothing() {
		Inbox a = subscribe("node_a");
		subscriptions().remove(0).close();
		bus().send("node_a", List.of(new ClusterEvent.Kick("x@example.com")));
		bus().broadcast(new ClusterEvent.SystemMessage(1));
		assertThat(a.nothing()).isTrue();
	}

	@Test
	default void aClaimReplacesTheAccountsSessionWherever() {
		OnlineSession first = session("a@example.com", "s1", "node_a");
		assertThat(sessions().claim(first)).isEmpty();
		OnlineSession second = session("a@example.com", "s2", "node_b");
		assertThat(sessions().claim(second)).contains(first);
		assertThat(sessions().release("a@example.com", "s1")).as("replaced").isFalse();
		assertThat(sessions().update("a@example.com", "s1", "BSY", "Old")).isFalse();
		assertThat(sessions().update("a@example.com", "s2", "BSY", "New")).isTrue();
		assertThat(sessions().find("a@example.com")).map(OnlineSession::status).contains("BSY");
		assertThat(sessions().find("a@example.com")).map(OnlineSession::friendlyName).contains("New");
		assertThat(sessions().release("a@example.com", "s2")).isTrue();
		assertThat(sessions().find("a@example.com")).isEmpty();
		assertThat(sessions().update("a@example.com", "s2", "NLN", "Gone")).as("offline").isFalse();
		assertThat(sessions().release("a@example.com", "s2")).as("released already").isFalse();
	}

	@Test
	default void lookUpsAndTheListingSeeEveryNode() {
		sessions().claim(session("b@example.com", "s1", "node_a"));
		sessions().claim(session("a@example.com", "s2", "node_b"));
		assertThat(sessions().find(List.of("a@example.com", "b@example.com", "c@example.com")))
			.containsOnlyKeys("a@example.com", "b@example.com");
		assertThat(sessions().online()).extracting(OnlineSession::account)
			.containsExactly("a@example.com", "b@example.com");
		assertThat(sessions().find(List.of())).isEmpty();
	}

	@Test
	default void ofConcurrentClaimsExactlyOneReplacesTheOther() throws Exception {
		for (int round = 0; round < 20; round++) {
			String account = "race-" + round + "@example.com";
			List<Optional<OnlineSession>> replaced = race(() -> sessions().claim(session(account, "x", "node_a")),
					() -> sessions().claim(session(account, "y", "node_b")));
			assertThat(replaced.stream().filter(Optional::isPresent).count()).as("round %d", round).isEqualTo(1);
		}
	}

	@Test
	default void theRegistryListsLiveNodesLeastLoadedFirst() {
		registry().register("ns_one", NodeRegistry.NOTIFICATION, "127.0.0.11:1864");
		registry().register("ns_two", NodeRegistry.NOTIFICATION, "127.0.0.12:1864");
		registry().register("sb_one", NodeRegistry.SWITCHBOARD, "127.0.0.11:1865");
		assertThat(registry().heartbeat("ns_one", 5)).isTrue();
		assertThat(registry().heartbeat("ns_two", 3)).isTrue();
		assertThat(registry().live(NodeRegistry.NOTIFICATION)).extracting(ClusterNode::id)
			.containsExactly("ns_two", "ns_one");
		assertThat(registry().leastLoaded(NodeRegistry.NOTIFICATION)).map(ClusterNode::address)
			.contains("127.0.0.12:1864");
		assertThat(registry().heartbeat("ns_unknown", 1)).isFalse();
		expire("ns_two");
		assertThat(registry().leastLoaded(NodeRegistry.NOTIFICATION)).map(ClusterNode::id).contains("ns_one");
	}

	@Test
	default void deregisteringRemovesTheNodesSessions() {
		registry().register("ns_one", NodeRegistry.NOTIFICATION, "127.0.0.11:1864");
		sessions().claim(session("a@example.com", "s1", "ns_one"));
		sessions().claim(session("b@example.com", "s2", "ns_two"));
		assertThat(registry().deregister("ns_one")).extracting(OnlineSession::account).containsExactly("a@example.com");
		assertThat(registry().live(NodeRegistry.NOTIFICATION)).isEmpty();
		assertThat(sessions().online()).extracting(OnlineSession::account).containsExactly("b@example.com");
	}

	@Test
	default void anExpiredNodesSessionsAreReapedOnceAcrossConcurrentReapers() throws Exception {
		registry().register("ns_dead", NodeRegistry.NOTIFICATION, "127.0.0.11:1864");
		registry().register("ns_alive", NodeRegistry.NOTIFICATION, "127.0.0.12:1864");
		for (int i = 0; i < 50; i++) {
			sessions().claim(session("dead-" + i + "@example.com", "d" + i, "ns_dead"));
		}
		sessions().claim(session("alive@example.com", "a", "ns_alive"));
		assertThat(registry().reapExpired()).isEmpty();
		expire("ns_dead");
		List<List<OnlineSession>> reaped = race(registry()::reapExpired, registry()::reapExpired,
				registry()::reapExpired);
		assertThat(reaped.stream().mapToInt(List::size).sum()).isEqualTo(50);
		assertThat(sessions().online()).extracting(OnlineSession::account).containsExactly("alive@example.com");
		assertThat(registry().heartbeat("ns_dead", 0)).as("it must register again").isFalse();
		assertThat(registry().live(NodeRegistry.NOTIFICATION)).extracting(ClusterNode::id).containsExactly("ns_alive");
	}

	@Test
	default void theRouterSendsOneBatchPerNodeAndDropsTheOffline() {
		Inbox a = subscribe("node_a");
		Inbox b = subscribe("node_b");
		sessions().claim(session("on-a@example.com", "s1", "node_a"));
		sessions().claim(session("on-b@example.com", "s2", "node_b"));
		sessions().claim(session("also-a@example.com", "s3", "node_a"));
		ClusterEvent.Kick one = new ClusterEvent.Kick("on-a@example.com");
		ClusterEvent.Kick two = new ClusterEvent.Kick("on-b@example.com");
		ClusterEvent.Kick three = new ClusterEvent.Kick("also-a@example.com");
		new EventRouter(sessions(), bus())
			.deliver(List.of(one, two, new ClusterEvent.Kick("offline@example.com"), three));
		assertThat(a.next()).containsExactly(one, three);
		assertThat(b.next()).containsExactly(two);
		assertThat(a.nothing()).isTrue();
	}

	static OnlineSession session(String account, String id, String node) {
		return new OnlineSession(account, id, node, "NLN", "Name", "MSNP5", Instant.parse("2026-01-01T00:00:00Z"));
	}

	@SafeVarargs
	static <T> List<T> race(Callable<T>... tasks) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(threads.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(10, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** A receiver that queues what it gets. */
	final class Inbox implements ClusterReceiver {

		private final BlockingQueue<List<ClusterEvent>> batches = new LinkedBlockingQueue<>();

		@Override
		public void receive(List<ClusterEvent> events) {
			this.batches.add(events);
		}

		public List<ClusterEvent> next() {
			try {
				List<ClusterEvent> batch = this.batches.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(batch).as("a batch within " + WAIT).isNotNull();
				return batch;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

		public boolean nothing() {
			try {
				return this.batches.poll(300, TimeUnit.MILLISECONDS) == null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

	}

}
