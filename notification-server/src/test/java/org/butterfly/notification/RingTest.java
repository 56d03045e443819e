package org.butterfly.notification;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.Subscription;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.notification.session.SessionRegistry;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A switchboard's ring for a callee on this node (msnp.md §13.4, §14.2 checks 3 and 4),
 * as a switchboard node sends it over the cluster bus: the callee's session decides, gets
 * the {@code RNG} only when it may be invited, and the switchboard node is answered
 * either way.
 */
class RingTest extends NotificationServerTest {

	private static final String SWITCHBOARD_NODE = "sb_ringtest";

	@Autowired
	SessionRegistry sessions;

	@Autowired
	SessionDirectory directory;

	@Autowired
	ClusterBus bus;

	private final BlockingQueue<ClusterEvent> answers = new LinkedBlockingQueue<>();

	private Subscription subscription;

	private long requests;

	@BeforeEach
	void listenAsASwitchboard() {
		this.subscription = this.bus.subscribe(SWITCHBOARD_NODE, this.answers::addAll);
	}

	@AfterEach
	void stopListening() {
		this.subscription.close();
	}

	@Test
	void anOnlineCalleeIsRungAndTheSwitchboardIsToldItsName() throws Exception {
		String alice = account("alice", "Alice%20A.");
		String bob = account("bob", "Bob");
		try (MsnpTestClient client = online(alice, "NLN")) {
			long request = ring(alice, bob);
			assertThat(next(client).line())
				.isEqualTo("RNG 11752013 127.0.0.1:1865 CKI 17262740.1050826919.32308 " + bob + " Caller");
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(request, "DELIVERED", "Alice%20A."));
		}
	}

	@Test
	void aBusyCalleeIsRungToo() throws Exception {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		try (MsnpTestClient client = online(alice, "BSY")) {
			long request = ring(alice, bob);
			assertThat(next(client).verb()).isEqualTo("RNG");
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(request, "DELIVERED", "Alice"));
		}
	}

	@Test
	void anUnknownCallerIsNotAllowed() throws Exception {
		String alice = account("alice", "Alice");
		try (MsnpTestClient client = online(alice, "NLN")) {
			long request = ring(alice, "nobody@example.com");
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(request, "NOT_ALLOWED", ""));
			assertQuiet(client);
		}
	}

	@Test
	void aHiddenCalleeIsNotOnlineAndHearsNothing() throws Exception {
		String alice = account("alice", "Alice");
		try (MsnpTestClient client = online(alice, "HDN")) {
			long request = ring(alice, "bob@example.com");
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(request, "NOT_ONLINE", ""));
			assertQuiet(client);
		}
	}

	@Test
	void aCalleeBeforeItsFirstChgIsNotOnline() throws Exception {
		String alice = account("alice", "Alice");
		try (MsnpTestClient client = signIn(address("tcp"), alice, "MSNP5")) {
			awaitClaimed(alice);
			long request = ring(alice, "bob@example.com");
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(request, "NOT_ONLINE", ""));
			assertQuiet(client);
		}
	}

	@Test
	void aCalleeWithImsOffIsNotRung() throws Exception {
		String alice = account("alice", "Alice");
		try (MsnpTestClient client = online(alice, "NLN")) {
			client.send(Frame.of("IMS", "9", "OFF"));
			assertThat(next(client).line()).isEqualTo("IMS 9 0 OFF");
			long request = ring(alice, "bob@example.com");
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(request, "IMS_OFF", ""));
			assertQuiet(client);
		}
	}

	@Test
	void aCalleeThatBlocksTheCallerIsNotRung() throws Exception {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		list(alice, ListType.BL, bob, "Bob");
		try (MsnpTestClient client = online(alice, "NLN")) {
			long request = ring(alice, bob);
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(request, "NOT_ALLOWED", ""));
			assertQuiet(client);
		}
	}

	@Test
	void aCalleeInBlpBlModeRingsOnlyItsAllowList() throws Exception {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		String carol = account("carol", "Carol");
		list(alice, ListType.AL, bob, "Bob");
		try (MsnpTestClient client = online(alice, "NLN")) {
			client.send(Frame.of("BLP", "9", "BL"));
			assertThat(next(client).verb()).isEqualTo("BLP");
			long refused = ring(alice, carol);
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(refused, "NOT_ALLOWED", ""));
			long allowed = ring(alice, bob);
			assertThat(next(client).verb()).isEqualTo("RNG");
			assertThat(answer()).isEqualTo(new ClusterEvent.RingAnswered(allowed, "DELIVERED", "Alice"));
		}
	}

	/** Signs in with MSNP5 and sets the first status. */
	private MsnpTestClient online(String handle, String status) {
		MsnpTestClient client = signIn(address("tcp"), handle, "MSNP5");
		client.send(Frame.of("CHG", "8", status));
		Frame frame = next(client);
		while (!frame.verb().equals("CHG")) {
			frame = next(client);
		}
		awaitClaimed(handle);
		return client;
	}

	/** What a switchboard node sends when {@code caller} calls {@code callee}. */
	private long ring(String callee, String caller) {
		long request = ++this.requests;
		this.sessions.deliver(new ClusterEvent.Ring(callee, "11752013", "127.0.0.1:1865", "17262740.1050826919.32308",
				caller, "Caller", SWITCHBOARD_NODE, request));
		return request;
	}

	private ClusterEvent answer() throws InterruptedException {
		ClusterEvent answer = this.answers.poll(5, TimeUnit.SECONDS);
		assertThat(answer).as("the switchboard node is answered").isNotNull();
		return answer;
	}

	private static void assertQuiet(MsnpTestClient client) {
		client.send(Frame.of("PNG"));
		assertThat(next(client).line()).as("no RNG before the QNG").startsWith("QNG");
	}

	private void awaitClaimed(String handle) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.directory.find(handle).isEmpty() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.directory.find(handle)).as("claimed").isPresent();
		assertThat(List.of(this.answers.toArray())).isEmpty();
	}

}
