package org.butterfly.standalone;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out platform (issue 7, ARCHITECTURE §5): the admin API, a dispatch server on
 * 127.0.0.10, notification nodes on 127.0.0.11 and .12 and switchboard nodes on .13 and
 * .14, over one PostgreSQL. Node .11, switchboard .13, the dispatch server and the admin
 * API run as contexts of this JVM; node .12 and switchboard .14 in JVMs of their own, so
 * they can be killed for real. Users on different nodes chat through either switchboard;
 * the database restarts under the running cluster; then the two processes are killed.
 * (Presence, list changes, alerts and {@code OUT OTH} across notification nodes are
 * notification-server's MultiNodeTest.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration EXPIRY = TestCluster.EXPIRY;

	private static final String PASSWORD = "correct horse";

	private static final AtomicInteger runs = new AtomicInteger();

	private static TestCluster cluster;

	private static InetSocketAddress ds;

	private static InetSocketAddress ns1;

	private static InetSocketAddress ns2;

	private static String sb1;

	private static String sb2;

	private static AdminClient admin;

	@BeforeAll
	static void startCluster() throws Exception {
		cluster = TestCluster.start();
		ds = cluster.ds();
		ns1 = cluster.ns1();
		ns2 = cluster.ns2();
		sb1 = cluster.sb1();
		sb2 = cluster.sb2();
		admin = cluster.admin();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void usersOnDifferentNodesChatThroughEitherSwitchboard() throws Exception {
		Map<String, String> chat = chat(ns1, ns2);
		assertThat(Set.of(chat.get("sb"), chat.get("sbOther"))).as("two referrals in a row, one per switchboard")
			.containsExactlyInAnyOrder(sb1, sb2);
		assertThat(chat.get("sbBob")).isIn(sb1, sb2);
	}

	@Test
	@Order(2)
	void chatWorksAgainAfterTheDatabaseRestarts() throws Exception {
		cluster.postgres().restart();
		Instant restarted = Instant.now();
		// Every node heartbeats again, none was presumed dead by the others.
		await("four nodes heartbeating after the restart", Duration.ofSeconds(120),
				() -> live(NodeRegistry.NOTIFICATION).size() == 2 && live(NodeRegistry.SWITCHBOARD).size() == 2
						&& Stream.of(NodeRegistry.NOTIFICATION, NodeRegistry.SWITCHBOARD)
							.flatMap((role) -> live(role).stream())
							.allMatch((node) -> node.heartbeat().isAfter(restarted)));
		// A request that meets a pooled connection the restart killed fails (500 at
		// sign-in, docs/adr/0309) and the client tries again, as a user would.
		recovered(() -> chat(ns1, ns2));
		recovered(() -> chat(ns2, ns1));
	}

	/** Runs {@code chat} until it succeeds, for at most half a minute. */
	private static void recovered(ThrowingRunnable chat) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try {
				chat.run();
				return;
			}
			catch (AssertionError ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(500);
			}
		}
	}

	private interface ThrowingRunnable {

		void run() throws Exception;

	}

	@Test
	@Order(3)
	void killedNodesAreForgottenAndTheirUsersSignInAgain() throws Exception {
		int run = runs.incrementAndGet();
		String alice = "alice-" + run + "@example.com";
		String bob = "bob-" + run + "@example.com";
		String carol = "carol-" + run + "@example.com";
		for (String user : List.of(alice, bob, carol)) {
			admin.createAccount(user, user.substring(0, 1).toUpperCase() + user.substring(1, user.indexOf('-')),
					PASSWORD);
		}
		admin.addToList(alice, "FL", bob);
		admin.addToList(bob, "FL", alice);
		try (MsnpTestClient watcher = signIn(ns1, alice); MsnpTestClient victim = signIn(ns2, bob)) {
			online(victim, "BSY");
			online(watcher, "NLN");
			assertThat(watcher.nextFrame(TIMEOUT).line()).isEqualTo("ILN 4 BSY " + bob + " Bob");
			assertThat(victim.nextFrame(TIMEOUT).line()).isEqualTo("NLN NLN " + alice + " Alice");
			// Acknowledged just before the crash, so it must survive it.
			victim.send(Frame.of("ADD", "5", "FL", carol, "Carol"));
			assertThat(victim.nextFrame(TIMEOUT).line()).startsWith("ADD 5 FL ");

			cluster.killNs2();
			assertThat(watcher.nextFrame(EXPIRY.multipliedBy(3)).line()).as("the dead node's user goes offline")
				.isEqualTo("FLN " + bob);
		}
		await("the dead node gone from the registry", TIMEOUT, () -> live(NodeRegistry.NOTIFICATION).size() == 1);
		assertThat(referral(bob)).as("the dispatch server refers to the survivor").isEqualTo(address(ns1));
		try (MsnpTestClient again = signIn(ns1, bob)) {
			again.send(Frame.of("LST", "6", "FL"));
			List<String> fl = List.of(again.nextFrame(TIMEOUT).line(), again.nextFrame(TIMEOUT).line());
			assertThat(fl).as("the change before the crash is kept")
				.anyMatch((line) -> line.contains(" " + carol + " "));
		}

		cluster.killSb2();
		await("the dead switchboard gone from the registry", TIMEOUT, () -> live(NodeRegistry.SWITCHBOARD).size() == 1);
		// The notification node reads the live switchboards once a second.
		Thread.sleep(1100);
		Map<String, String> chat = chat(ns1, ns1);
		assertThat(List.of(chat.get("sb"), chat.get("sbOther"), chat.get("sbBob"))).containsOnly(sb1);
	}

	/**
	 * Runs the cross-node chat with two fresh accounts, alice on {@code aliceNode} and
	 * bob on {@code bobNode}.
	 * @return the transcript's variables
	 */
	private static Map<String, String> chat(InetSocketAddress aliceNode, InetSocketAddress bobNode) throws Exception {
		int run = runs.incrementAndGet();
		String alice = "alice-" + run + "@example.com";
		String bob = "bob-" + run + "@example.com";
		admin.createAccount(alice, "Alice", PASSWORD);
		admin.createAccount(bob, "Bob", PASSWORD);
		TranscriptRunner runner = new TranscriptRunner(Map.of(), TIMEOUT).with("alice", alice)
			.with("bob", bob)
			.with("password", PASSWORD)
			.with("aliceNs", address(aliceNode))
			.with("bobNs", address(bobNode));
		runner.run("/transcripts/cluster/chat-across-nodes.msnp");
		return runner.variables();
	}

	private static MsnpTestClient signIn(InetSocketAddress node, String handle) {
		MsnpTestClient client = MsnpTestClient.connect(node);
		client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
		assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		String salt = client.nextFrame(TIMEOUT).token(3);
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(salt, PASSWORD)));
		assertThat(client.nextFrame(TIMEOUT).line()).startsWith("USR 3 OK " + handle);
		assertThat(client.nextFrame(TIMEOUT).verb()).as("the profile").isEqualTo("MSG");
		return client;
	}

	private static void online(MsnpTestClient client, String status) {
		client.send(Frame.of("CHG", "4", status));
		assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("CHG 4 " + status);
	}

	/** The notification node the dispatch server refers {@code handle} to. */
	private static String referral(String handle) {
		try (MsnpTestClient client = MsnpTestClient.connect(ds)) {
			client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			assertThat(client.nextFrame(TIMEOUT).line()).isEqualTo("VER 1 MSNP5 CVR0");
			client.send(Frame.of("USR", "2", "MD5", "I", handle));
			Frame referral = client.nextFrame(TIMEOUT);
			assertThat(referral.verb()).isEqualTo("XFR");
			return referral.token(2);
		}
	}

	private static List<ClusterNode> live(String role) {
		return cluster.live(role);
	}

	private static String address(InetSocketAddress address) {
		return TestCluster.address(address);
	}

	private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		cluster.await(what, timeout, condition);
	}

}
