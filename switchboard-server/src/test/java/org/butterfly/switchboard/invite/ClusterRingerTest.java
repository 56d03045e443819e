package org.butterfly.switchboard.invite;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.Subscription;
import org.butterfly.cluster.memory.InMemoryClusterBus;
import org.butterfly.cluster.memory.InMemorySessionDirectory;
import org.butterfly.tickets.ring.Invitation;
import org.butterfly.tickets.ring.RingOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switchboard's half of a ring across nodes: the directory decides what it can alone,
 * the callee's node decides the rest, and a node that never answers makes the callee
 * count as offline (the notification half is notification-server's RingTest).
 */
class ClusterRingerTest {

	private final InMemorySessionDirectory sessions = new InMemorySessionDirectory();

	private final InMemoryClusterBus bus = new InMemoryClusterBus();

	private final ClusterRinger ringer = new ClusterRinger("sb_test", this.sessions, this.bus, Duration.ofMillis(300));

	private final Subscription answers = this.bus.subscribe("sb_test", this.ringer);

	/** What the callee's notification node received. */
	private final List<ClusterEvent> received = new CopyOnWriteArrayList<>();

	private final Invitation invitation = new Invitation("alice@example.com", "bob@example.com", "Bob", "42",
			"127.0.0.1:1865", "ticket");

	@AfterEach
	void close() {
		this.answers.close();
	}

	@Test
	void anOfflineCalleeIsAnsweredWithoutAskingAnyNode() {
		assertThat(this.ringer.ring(this.invitation)).isEqualTo(RingOutcome.notOnline());
	}

	@Test
	void aHiddenCalleeIsAnsweredWithoutAskingItsNode() {
		online("HDN");
		try (Subscription node = this.bus.subscribe("ns_alice", this.received::addAll)) {
			assertThat(this.ringer.ring(this.invitation)).isEqualTo(RingOutcome.notOnline());
		}
		assertThat(this.received).isEmpty();
	}

	@Test
	void theCalleesNodeGetsTheRingAndItsAnswerIsTheOutcome() {
		online("NLN");
		try (Subscription node = this.bus.subscribe("ns_alice", answering("DELIVERED", "Alice"))) {
			assertThat(this.ringer.ring(this.invitation)).isEqualTo(RingOutcome.delivered("Alice"));
		}
		ClusterEvent.Ring ring = (ClusterEvent.Ring) this.received.get(0);
		assertThat(ring).isEqualTo(new ClusterEvent.Ring("alice@example.com", "42", "127.0.0.1:1865", "ticket",
				"bob@example.com", "Bob", "sb_test", ring.requestId()));
		assertThat(this.ringer.waiting()).isZero();
	}

	@Test
	void everyRefusalOfTheCalleesNodeIsPassedOn() {
		online("NLN");
		for (RingOutcome outcome : List.of(RingOutcome.notAllowed(), RingOutcome.imsOff(), RingOutcome.notOnline())) {
			try (Subscription node = this.bus.subscribe("ns_alice", answering(outcome.result().name(), ""))) {
				assertThat(this.ringer.ring(this.invitation)).isEqualTo(outcome);
			}
		}
	}

	@Test
	void aNodeThatDoesNotAnswerInTimeMakesTheCalleeOffline() {
		online("NLN");
		try (Subscription node = this.bus.subscribe("ns_alice", this.received::addAll)) {
			assertThat(this.ringer.ring(this.invitation)).isEqualTo(RingOutcome.notOnline());
		}
		assertThat(this.received).hasSize(1);
		assertThat(this.ringer.waiting()).isZero();
	}

	private void online(String status) {
		this.sessions.claim(new OnlineSession("alice@example.com", "ns_alice/1", "ns_alice", status, "Alice", "MSNP5",
				Instant.now()));
	}

	/** A notification node that answers every ring with {@code outcome}. */
	private org.butterfly.cluster.ClusterReceiver answering(String outcome, String name) {
		return (events) -> {
			for (ClusterEvent event : events) {
				this.received.add(event);
				if (event instanceof ClusterEvent.Ring ring) {
					this.bus.send(ring.replyTo(),
							List.of(new ClusterEvent.RingAnswered(ring.requestId(), outcome, name)));
				}
			}
		};
	}

}
