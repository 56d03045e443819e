package org.butterfly.notification.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.postgres.ClusterSchema;
import org.butterfly.cluster.postgres.PgNodeRegistry;
import org.butterfly.directory.account.Account;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.notification.notices.NoticeDelivery;
import org.butterfly.notification.support.PagingFixtures;
import org.butterfly.protocol.reply.NotificationDocument;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.testing.Transcript;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster end to end (ARCHITECTURE §5, §8): a dispatch server and two notification
 * nodes on 127.0.0.11 and 127.0.0.12 over one PostgreSQL, with the bus in
 * {@code LISTEN/NOTIFY}. Node 1 runs in this JVM, node 2 and the dispatch server in JVMs
 * of their own, so node 2 can be killed for real. The golden transcripts of the
 * single-node tests run with their users split across the nodes. The last two tests
 * restart the database and kill node 2, in that order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeTest {

	private static final String PASSWORD = "secret";

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final Pattern CONNECT = Pattern.compile("^CONNECT (\\S+) ns$", Pattern.MULTILINE);

	private static final AtomicInteger accountNumbers = new AtomicInteger();

	private static TestDatabase database;

	private static ConfigurableApplicationContext node1;

	private static Process node2;

	private static Process dispatch;

	private static InetSocketAddress ns1;

	private static InetSocketAddress ns2;

	private static InetSocketAddress ds;

	private static NodeRegistry registry;

	private static AccountService accounts;

	private static ListService lists;

	@BeforeAll
	static void startCluster() {
		database = TestDatabase.create();
		DirectorySchema.migrate(database.dataSource());
		ClusterSchema.migrate(database.dataSource());
		registry = new PgNodeRegistry(database.dataSource(), Duration.ofSeconds(3));
		int port2 = ClusterNodes.freePort("127.0.0.12");
		int dsPort = ClusterNodes.freePort("127.0.0.1");
		node2 = ClusterNodes.notificationProcess(database, "127.0.0.12", port2, "ns2");
		dispatch = ClusterNodes.dispatchProcess(database, dsPort);
		node1 = new SpringApplicationBuilder(NotificationServerApplication.class)
			.run(ClusterNodes.notificationArguments(database, "127.0.0.11", 0).toArray(new String[0]));
		ns1 = node1.getBean(NettyServer.class).localAddress();
		ns2 = new InetSocketAddress("127.0.0.12", port2);
		ds = new InetSocketAddress("127.0.0.1", dsPort);
		accounts = node1.getBean(AccountService.class);
		lists = node1.getBean(ListService.class);
		ClusterNodes.await("node 2 in the registry", Duration.ofSeconds(90), () -> registered(ns2));
		ClusterNodes.await("the dispatch server", Duration.ofSeconds(90), () -> ClusterNodes.accepts(ds));
	}

	@AfterAll
	static void stopCluster() {
		if (node1 != null) {
			node1.close();
		}
		for (Process process : new Process[] { node2, dispatch }) {
			if (process != null) {
				process.destroyForcibly();
			}
		}
	}

	@Test
	@Order(1)
	void usersOnDifferentNodesSeeEachOtherInEveryStatus() {
		transcript("/transcripts/presence/two-users-every-status.msnp", Map.of("alice", "ns1", "bob", "ns2"), () -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			mutual(alice, "Alice", bob, "Bob");
			return new HashMap<>(Map.of("alice", alice, "bob", bob));
		});
		transcript("/transcripts/presence/three-users.msnp", Map.of("alice", "ns1", "bob", "ns2", "carol", "ns1"),
				() -> {
					String alice = account("alice", "Alice");
					String bob = account("bob", "Bob");
					String carol = account("carol", "Carol");
					mutual(alice, "Alice", bob, "Bob");
					mutual(alice, "Alice", carol, "Carol");
					mutual(bob, "Bob", carol, "Carol");
					return new HashMap<>(Map.of("alice", alice, "bob", bob, "carol", carol));
				});
	}

	@Test
	@Order(2)
	void listChangesReachTheOtherNode() {
		transcript("/transcripts/lists/add-rem-rea.msnp", Map.of("alice", "ns1", "bob", "ns2"), () -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			Map<String, String> variables = new HashMap<>(
					Map.of("alice", alice, "bob", bob, "suffix", String.valueOf(System.nanoTime())));
			versions(variables, "va", version(alice), 5);
			versions(variables, "vb", version(bob), 3);
			return variables;
		});
	}

	@Test
	@Order(3)
	void phonePropertiesReachWatchersOnTheOtherNode() {
		transcript("/transcripts/properties/prp-bpr-watchers.msnp",
				Map.of("alice", "ns1", "bob", "ns2", "carol", "ns2", "dave", "ns1"), () -> {
					String alice = account("alice", "Alice");
					String bob = account("bob", "Bob");
					String carol = account("carol", "Carol");
					String dave = account("dave", "Dave");
					lists.add(bob, ListType.FL, alice, "Alice");
					lists.add(carol, ListType.FL, alice, "Alice");
					lists.add(dave, ListType.FL, alice, "Alice");
					lists.add(alice, ListType.AL, bob, "Bob");
					lists.add(alice, ListType.AL, dave, "Dave");
					Map<String, String> variables = new HashMap<>(
							Map.of("alice", alice, "bob", bob, "carol", carol, "dave", dave));
					versions(variables, "va", version(alice), 5);
					versions(variables, "vb", version(bob), 4);
					return variables;
				});
		transcript("/transcripts/properties/allow-reveals-phones.msnp", Map.of("alice", "ns2", "bob", "ns1"), () -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			lists.setProperty(alice, "PHH", "1%20(222)%203333");
			lists.add(bob, ListType.FL, alice, "Alice");
			Map<String, String> variables = new HashMap<>(Map.of("alice", alice, "bob", bob));
			versions(variables, "va", version(alice), 4);
			versions(variables, "vb", version(bob), 3);
			return variables;
		});
	}

	@Test
	@Order(4)
	void signingInOnTheOtherNodeSendsOutOth() {
		transcript("/transcripts/cluster/takeover-across-nodes.msnp", Map.of(), () -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			mutual(alice, "Alice", bob, "Bob");
			return new HashMap<>(Map.of("alice", alice, "bob", bob));
		});
	}

	@Test
	@Order(5)
	void aNotificationForAUserOnTheOtherNodeArrivesAsNot() {
		String bob = account("bob", "Bob");
		Account account = accounts.find(bob).orElseThrow();
		String document = new NotificationDocument(7, "111100000", "http://alerts.example.net/", account.puid().pid(),
				bob, 7, "alerts/show", "alerts/manage", 1033, "Your order has shipped.")
			.toXml();
		try (MsnpTestClient client = signIn(ns2, bob)) {
			client.send(Frame.of("CHG", "4", "NLN"));
			assertThat(next(client).line()).isEqualTo("CHG 4 NLN");
			node1.getBean(NoticeDelivery.class).push(bob, document);
			Frame not = next(client);
			assertThat(not.verb()).isEqualTo("NOT");
			assertThat(not.payloadAsUtf8()).isEqualTo(document);
		}
	}

	@Test
	@Order(5)
	void aPageToAUserOnTheOtherNodeArrivesAsIpg() {
		transcript("/transcripts/paging/pag-ipg.msnp", Map.of("alice", "ns2", "bob", "ns1", "bob2", "ns1"),
				() -> new HashMap<>(PagingFixtures.pagIpg(accounts, lists, MultiNodeTest::account, "MSNP5", "MSNP6")));
	}

	@Test
	@Order(6)
	void theDispatchServerRefersNewSignInsToTheLeastLoadedNode() {
		List<MsnpTestClient> clients = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				clients.add(signIn(ns1, account("load", "Load")));
			}
			ClusterNodes.await("node 1's load in the registry", WAIT, () -> loadOf(ns1) == 4);
			// The dispatch server reads the registry twice per heartbeat.
			sleep(Duration.ofMillis(600));
			for (int i = 0; i < 4; i++) {
				String handle = account("spread", "Spread");
				assertThat(referral(handle)).as("node 2 is idle, node 1 holds 4 sessions").isEqualTo(address(ns2));
				clients.add(signIn(ns2, handle));
			}
			ClusterNodes.await("node 2's load in the registry", WAIT, () -> loadOf(ns2) == 4);
			sleep(Duration.ofMillis(600));
			List<String> referrals = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				referrals.add(referral("user" + i + "@example.com"));
			}
			assertThat(referrals).as("equal loads: both nodes").contains(address(ns1), address(ns2));
		}
		finally {
			clients.forEach(MsnpTestClient::close);
		}
	}

	@Test
	@Order(7)
	void presenceWorksAgainAfterADatabaseRestart() {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		String dave = account("dave", "Dave");
		mutual(alice, "Alice", bob, "Bob");
		lists.add(alice, ListType.FL, dave, "Dave");
		MsnpTestClient leaving = signIn(ns2, dave);
		try (MsnpTestClient onNode1 = signIn(ns1, alice); MsnpTestClient onNode2 = signIn(ns2, bob)) {
			for (MsnpTestClient client : List.of(onNode2, leaving)) {
				client.send(Frame.of("CHG", "4", "NLN"));
				assertThat(next(client).line()).isEqualTo("CHG 4 NLN");
			}
			onNode1.send(Frame.of("CHG", "4", "NLN"));
			assertThat(next(onNode1).line()).isEqualTo("CHG 4 NLN");
			assertThat(List.of(next(onNode1).line(), next(onNode1).line()))
				.containsExactlyInAnyOrder("ILN 4 NLN " + bob + " Bob", "ILN 4 NLN " + dave + " Dave");
			assertThat(next(onNode2).line()).isEqualTo("NLN NLN " + alice + " Alice");
			// Both first CHGs are done (queued NOTs included) before the database goes.
			for (MsnpTestClient client : List.of(onNode1, onNode2)) {
				client.send(Frame.of("PNG"));
				assertThat(next(client).verb()).isEqualTo("QNG");
			}

			TestDatabase.server().stop();
			// Dave leaves while node 2 cannot release his session.
			leaving.close();
			sleep(Duration.ofSeconds(1));
			TestDatabase.server().start();

			// Until the listeners are back, a change may be lost: the watcher then sees
			// the next one. No node restarts.
			String[] statuses = { "BSY", "AWY" };
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			Frame seen = null;
			boolean daveGone = false;
			for (int trId = 5; seen == null && System.nanoTime() < deadline; trId++) {
				String status = statuses[trId % 2];
				onNode1.send(Frame.of("CHG", String.valueOf(trId), status));
				for (Frame line = next(onNode1); !line.line()
					.equals("CHG " + trId + " " + status); line = next(onNode1)) {
					assertThat(line.line()).as("alice's session survives the restart").isEqualTo("FLN " + dave);
					daveGone = true;
				}
				Object nln = onNode2.next(Duration.ofMillis(1000));
				if (nln instanceof Frame frame) {
					assertThat(frame.line()).isEqualTo("NLN " + status + " " + alice + " Alice");
					seen = frame;
				}
			}
			assertThat(seen).as("bob on node 2 sees alice's change again").isNotNull();
			if (!daveGone) {
				Frame fln = onNode1.nextFrame(Duration.ofSeconds(10));
				assertThat(fln).as("FLN for dave, released once the database is back").isNotNull();
				assertThat(fln.line()).isEqualTo("FLN " + dave);
			}
		}
		// New sign-ins on both nodes work too.
		transcript("/transcripts/presence/three-users.msnp", Map.of("alice", "ns2", "bob", "ns1", "carol", "ns2"),
				() -> {
					String a = account("alice", "Alice");
					String b = account("bob", "Bob");
					String c = account("carol", "Carol");
					mutual(a, "Alice", b, "Bob");
					mutual(a, "Alice", c, "Carol");
					mutual(b, "Bob", c, "Carol");
					return new HashMap<>(Map.of("alice", a, "bob", b, "carol", c));
				});
	}

	@Test
	@Order(8)
	void whenANodeDiesItsUsersGoOfflineAndSignInAgainElsewhere() {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		String carol = account("carol", "Carol");
		mutual(alice, "Alice", bob, "Bob");
		try (MsnpTestClient watcher = signIn(ns1, alice); MsnpTestClient victim = signIn(ns2, bob)) {
			victim.send(Frame.of("CHG", "4", "BSY"));
			assertThat(next(victim).line()).isEqualTo("CHG 4 BSY");
			watcher.send(Frame.of("CHG", "4", "NLN"));
			assertThat(next(watcher).line()).isEqualTo("CHG 4 NLN");
			assertThat(next(watcher).line()).isEqualTo("ILN 4 BSY " + bob + " Bob");
			assertThat(next(victim).line()).isEqualTo("NLN NLN " + alice + " Alice");
			// A list change acknowledged just before the crash.
			victim.send(Frame.of("ADD", "5", "FL", carol, "Carol"));
			assertThat(next(victim).line()).startsWith("ADD 5 FL ");

			node2.destroyForcibly();
			long killed = System.nanoTime();
			Frame fln = watcher.nextFrame(Duration.ofSeconds(10));
			Duration detected = Duration.ofNanos(System.nanoTime() - killed);
			assertThat(fln).as("FLN for the dead node's user").isNotNull();
			assertThat(fln.line()).isEqualTo("FLN " + bob);
			assertThat(detected).as("within the heartbeat expiry and one heartbeat")
				.isLessThan(Duration.ofMillis(3000 + 500 + 1500));
		}
		ClusterNodes.await("node 2 gone from the registry", WAIT, () -> !registered(ns2));
		// The dispatch server reads the registry twice per heartbeat.
		sleep(Duration.ofMillis(600));
		String referral = referral(bob);
		assertThat(referral).isEqualTo(address(ns1));
		try (MsnpTestClient again = signIn(ns1, bob)) {
			again.send(Frame.of("LST", "6", "FL"));
			List<String> fl = List.of(next(again).line(), next(again).line());
			assertThat(fl).as("the change before the crash is kept")
				.anyMatch((line) -> line.matches("LST 6 FL \\d+ \\d 2 " + Pattern.quote(carol) + " Carol"));
		}
	}

	// ---- support

	private interface Setup {

		Map<String, String> variables();

	}

	/**
	 * Runs a transcript with each session's {@code CONNECT x ns} sent to the node
	 * {@code nodes} names for {@code x}; transcripts written for the cluster name
	 * {@code ns1} and {@code ns2} themselves.
	 */
	private static void transcript(String resource, Map<String, String> nodes, Setup setup) {
		String text = read(resource);
		Matcher connect = CONNECT.matcher(text);
		StringBuilder rewritten = new StringBuilder();
		while (connect.find()) {
			String node = nodes.get(connect.group(1));
			assertThat(node).as("node of session " + connect.group(1)).isNotNull();
			connect.appendReplacement(rewritten, "CONNECT " + connect.group(1) + " " + node);
		}
		connect.appendTail(rewritten);
		TranscriptRunner runner = new TranscriptRunner(Map.of("ns1", ns1, "ns2", ns2), WAIT).with("password", PASSWORD);
		setup.variables().forEach(runner::with);
		runner.run(Transcript.parse(resource, rewritten.toString()));
	}

	private static String read(String resource) {
		try (InputStream in = MultiNodeTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String account(String name, String friendlyName) {
		String email = name + "-" + accountNumbers.incrementAndGet() + "-" + System.nanoTime() % 100000
				+ "@example.com";
		accounts.create(new NewAccount(email, PASSWORD, friendlyName, Profile.DEFAULT));
		return email;
	}

	private static void mutual(String one, String oneName, String other, String otherName) {
		lists.add(one, ListType.FL, other, otherName);
		lists.add(other, ListType.FL, one, oneName);
	}

	private static long version(String handle) {
		return accounts.find(handle).orElseThrow().listVersion();
	}

	private static void versions(Map<String, String> variables, String name, long start, int count) {
		for (int i = 0; i < count; i++) {
			variables.put(name + i, String.valueOf(start + i));
		}
	}

	private static boolean registered(InetSocketAddress node) {
		return registry.live(NodeRegistry.NOTIFICATION)
			.stream()
			.anyMatch((live) -> live.address().equals(address(node)));
	}

	private static int loadOf(InetSocketAddress node) {
		return registry.live(NodeRegistry.NOTIFICATION)
			.stream()
			.filter((live) -> live.address().equals(address(node)))
			.mapToInt(ClusterNode::load)
			.findFirst()
			.orElse(-1);
	}

	private static String address(InetSocketAddress node) {
		return node.getHostString() + ":" + node.getPort();
	}

	/** Asks the dispatch server where {@code handle} should sign in. */
	private static String referral(String handle) {
		try (MsnpTestClient client = MsnpTestClient.connect(ds)) {
			client.send(Frame.of("VER", "1", "MSNP5", "CVR0"));
			assertThat(next(client).line()).isEqualTo("VER 1 MSNP5 CVR0");
			client.send(Frame.of("INF", "2"));
			assertThat(next(client).line()).isEqualTo("INF 2 MD5");
			client.send(Frame.of("USR", "3", "MD5", "I", handle));
			Frame xfr = next(client);
			assertThat(xfr.verb()).as(xfr.line()).isEqualTo("XFR");
			return xfr.token(2);
		}
	}

	private static MsnpTestClient signIn(InetSocketAddress node, String handle) {
		MsnpTestClient client = MsnpTestClient.connect(node);
		client.send(Frame.of("VER", "1", "MSNP5"));
		assertThat(next(client).line()).isEqualTo("VER 1 MSNP5");
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		Frame challenge = next(client);
		assertThat(challenge.verb()).isEqualTo("USR");
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(challenge.token(3), PASSWORD)));
		assertThat(next(client).line()).startsWith("USR 3 OK " + handle);
		assertThat(next(client).verb()).isEqualTo("MSG");
		return client;
	}

	private static Frame next(MsnpTestClient client) {
		Frame frame = client.nextFrame(WAIT);
		assertThat(frame).as("a line from the server").isNotNull();
		return frame;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
