package org.butterfly.directory.contacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent list commands: nothing lost or duplicated, every version handed out exactly
 * once and in order, RL always the mirror of FL.
 */
class ConcurrencyTest extends DirectoryIntegrationTest {

	private final Map<String, ConcurrentLinkedQueue<Long>> versionsSeen = new ConcurrentHashMap<>();

	@Test
	void twoAccountsAddingAndRemovingEachOtherAtTheSameMoment() throws Exception {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		long aliceStart = version(alice);
		long bobStart = version(bob);
		int rounds = 200;
		ExecutorService threads = Executors.newFixedThreadPool(2);
		long started = System.nanoTime();
		try {
			for (int round = 0; round < rounds; round++) {
				together(threads, () -> record(alice, this.lists.add(alice, ListType.FL, bob, bob)),
						() -> record(bob, this.lists.add(bob, ListType.FL, alice, alice)));
				assertMirrored(List.of(alice, bob));
				assertThat(this.lists.snapshot(alice).forwardList()).hasSize(1);
				together(threads, () -> record(alice, this.lists.remove(alice, ListType.FL, bob)),
						() -> record(bob, this.lists.remove(bob, ListType.FL, alice)));
				assertMirrored(List.of(alice, bob));
				assertThat(this.lists.snapshot(alice).forwardList()).isEmpty();
			}
		}
		finally {
			threads.shutdownNow();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		// Each account: its own ADD and REM, and the other's ADD and REM on its RL: 4
		// versions per round.
		assertThat(version(alice)).isEqualTo(aliceStart + 4L * rounds);
		assertThat(version(bob)).isEqualTo(bobStart + 4L * rounds);
		assertContiguous(alice, aliceStart);
		assertContiguous(bob, bobStart);
		System.out.printf("mutual add/remove: %d rounds, %d commands in %d ms; final versions %d and %d%n", rounds,
				4 * rounds, millis, version(alice), version(bob));
	}

	@Test
	void churnAmongSeveralAccountsKeepsEveryInvariant() throws Exception {
		List<String> people = new ArrayList<>();
		Map<String, Long> start = new HashMap<>();
		for (int i = 0; i < 6; i++) {
			String handle = newAccount("churn" + i);
			people.add(handle);
			start.put(handle, version(handle));
		}
		int threadCount = 4;
		int commandsPerThread = 250;
		ExecutorService threads = Executors.newFixedThreadPool(threadCount);
		CyclicBarrier go = new CyclicBarrier(threadCount);
		List<Future<Integer>> workers = new ArrayList<>();
		long started = System.nanoTime();
		for (int t = 0; t < threadCount; t++) {
			long seed = 42 + t;
			Callable<Integer> worker = () -> {
				go.await();
				return churn(people, new Random(seed), commandsPerThread);
			};
			workers.add(threads.submit(worker));
		}
		int succeeded = 0;
		for (Future<Integer> worker : workers) {
			succeeded += worker.get();
		}
		threads.shutdownNow();
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertMirrored(people);
		for (String person : people) {
			SynSnapshot snapshot = this.lists.snapshot(person);
			Set<String> allowed = new HashSet<>();
			snapshot.allowList().forEach((entry) -> allowed.add(entry.handle()));
			assertThat(snapshot.blockList()).noneMatch((entry) -> allowed.contains(entry.handle()));
			assertContiguous(person, start.get(person));
		}
		System.out.printf("churn: %d threads x %d commands, %d succeeded in %d ms%n", threadCount, commandsPerThread,
				succeeded, millis);
	}

	private int churn(List<String> people, Random random, int commands) {
		int succeeded = 0;
		for (int i = 0; i < commands; i++) {
			String actor = people.get(random.nextInt(people.size()));
			String other = people.get(random.nextInt(people.size()));
			ListType list = List.of(ListType.FL, ListType.FL, ListType.AL, ListType.BL).get(random.nextInt(4));
			try {
				switch (random.nextInt(10)) {
					case 0 -> record(actor, this.lists.setProperty(actor, "PHH", random.nextBoolean() ? "555" : null));
					case 1 -> record(actor, this.lists.setPrivacyMode(actor, random.nextBoolean() ? Blp.AL : Blp.BL));
					case 2 -> record(actor, this.lists.rename(actor, actor, "Name" + random.nextInt(3)));
					case 3, 4, 5 -> record(actor, this.lists.remove(actor, list, other));
					default -> record(actor, this.lists.add(actor, list, other, other));
				}
				succeeded++;
			}
			catch (ListException ex) {
				assertThat(ex.error().closesConnection()).isFalse();
			}
		}
		return succeeded;
	}

	private void record(String actor, ContactAdded result) {
		record(actor, result.version(), result.effects());
	}

	private void record(String actor, ListUpdate result) {
		record(actor, result.version(), result.effects());
	}

	private void record(String actor, PropertySet result) {
		record(actor, result.version(), result.effects());
	}

	/** Notes every (account, version) a command handed out, each once. */
	private void record(String actor, long version, List<ListEffect> effects) {
		Map<String, Long> handedOut = new HashMap<>();
		handedOut.put(actor, version);
		for (ListEffect effect : effects) {
			if (effect instanceof ListEffect.EntryAdded added) {
				handedOut.put(added.account(), added.version());
			}
			else if (effect instanceof ListEffect.EntryRemoved removed) {
				handedOut.put(removed.account(), removed.version());
			}
			else if (effect instanceof ListEffect.PhonesChanged phones) {
				handedOut.put(phones.account(), phones.version());
			}
		}
		handedOut.forEach((account,
				seen) -> this.versionsSeen.computeIfAbsent(account, (key) -> new ConcurrentLinkedQueue<>()).add(seen));
	}

	private void assertContiguous(String account, long start) {
		List<Long> seen = new ArrayList<>(this.versionsSeen.getOrDefault(account, new ConcurrentLinkedQueue<>()));
		seen.sort(null);
		long current = version(account);
		List<Long> expected = new ArrayList<>();
		for (long v = start + 1; v <= current; v++) {
			expected.add(v);
		}
		assertThat(seen).as("versions handed out for %s", account).isEqualTo(expected);
	}

	private void assertMirrored(List<String> people) {
		Set<String> forward = new HashSet<>();
		Set<String> reverse = new HashSet<>();
		for (String person : people) {
			SynSnapshot snapshot = this.lists.snapshot(person);
			snapshot.forwardList().forEach((entry) -> forward.add(person + ">" + entry.handle()));
			snapshot.reverseList().forEach((entry) -> reverse.add(entry.handle() + ">" + person));
		}
		assertThat(reverse).isEqualTo(forward);
	}

	private static void together(ExecutorService threads, Runnable first, Runnable second) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		Future<?> one = threads.submit(() -> {
			await(barrier);
			first.run();
		});
		Future<?> two = threads.submit(() -> {
			await(barrier);
			second.run();
		});
		one.get();
		two.get();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
