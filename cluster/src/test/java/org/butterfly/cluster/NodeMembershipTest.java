package org.butterfly.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.butterfly.cluster.memory.InMemoryNodeRegistry;
import org.butterfly.cluster.memory.InMemorySessionDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeMembershipTest {

	private final InMemorySessionDirectory sessions = new InMemorySessionDirectory();

	private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry(this.sessions, Clock.systemUTC(),
			Duration.ofMillis(600));

	private final List<OnlineSession> ended = new CopyOnWriteArrayList<>();

	private final AtomicInteger rejoins = new AtomicInteger();

	@Test
	void aSurvivorReapsAHaltedNodeAndReportsItsSessionsOnce() throws Exception {
		NodeMembership dead = membership("ns_dead");
		NodeMembership alive = membership("ns_alive");
		dead.start();
		alive.start();
		this.sessions.claim(new OnlineSession("a@example.com", "s1", "ns_dead", "NLN", "A", "MSNP5", Instant.now()));
		dead.halt();
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.ended.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.ended).extracting(OnlineSession::account).containsExactly("a@example.com");
		assertThat(this.registry.live(NodeRegistry.NOTIFICATION)).extracting(ClusterNode::id)
			.containsExactly("ns_alive");
		alive.stop();
		assertThat(this.registry.live(NodeRegistry.NOTIFICATION)).isEmpty();
	}

	@Test
	void aReapedNodeRegistersAgainAtItsNextHeartbeat() {
		NodeMembership node = membership("ns_one");
		this.registry.register("ns_one", NodeRegistry.NOTIFICATION, "127.0.0.11:1864");
		this.registry.deregister("ns_one");
		node.beat();
		assertThat(this.registry.live(NodeRegistry.NOTIFICATION)).extracting(ClusterNode::address)
			.containsExactly("127.0.0.11:1864");
		assertThat(this.rejoins).hasValue(1);
		node.beat();
		assertThat(this.rejoins).as("registered since").hasValue(1);
	}

	private NodeMembership membership(String id) {
		return new NodeMembership(this.registry, id, NodeRegistry.NOTIFICATION, () -> "127.0.0.11:1864", () -> 0,
				Duration.ofMillis(100), Duration.ofMillis(600), new NodeMembership.Listener() {

					@Override
					public void ended(List<OnlineSession> sessions) {
						NodeMembershipTest.this.ended.addAll(sessions);
					}

					@Override
					public void rejoined() {
						NodeMembershipTest.this.rejoins.incrementAndGet();
					}

				});
	}

}
