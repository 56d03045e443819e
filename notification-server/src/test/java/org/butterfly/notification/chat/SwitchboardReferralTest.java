package org.butterfly.notification.chat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.butterfly.cluster.NodeRegistry;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.tickets.TicketKeys;
import org.butterfly.tickets.TicketVerifier;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code XFR SB} with live switchboard nodes (msnp.md §13.3): each referral names a live
 * node and carries a caller ticket that node accepts for this user only; a burst of
 * referrals is spread over the nodes; a node that leaves is no longer handed out. A
 * context of its own (the registry is in memory), reading the registry at every referral.
 */
@TestPropertySource(properties = { "butterfly.notification.switchboards.refresh=" + SwitchboardReferralTest.REFRESH,
		"butterfly.notification.listener.local-name=ns-referrals" })
class SwitchboardReferralTest extends NotificationServerTest {

	static final String REFRESH = "2s";

	private static final String ONE = "127.0.0.13:1865";

	private static final String TWO = "127.0.0.14:1866";

	@Autowired
	NodeRegistry registry;

	/** The development keys: neither this test nor the switchboards configure any. */
	private final TicketVerifier switchboards = new TicketVerifier(
			TicketKeys.configuredOrDevelopment(List.of(), "test"));

	@Test
	void referralsNameLiveNodesWithTicketsForThisUserOnly() throws InterruptedException {
		String alice = account("alice", "Alice%20A.");
		this.registry.register("sb_one", NodeRegistry.SWITCHBOARD, ONE);
		this.registry.register("sb_two", NodeRegistry.SWITCHBOARD, TWO);
		try (MsnpTestClient client = online(alice)) {
			Set<String> nodes = new HashSet<>();
			for (int trId = 5; trId < 9; trId++) {
				client.send(Frame.of("XFR", String.valueOf(trId), "SB"));
				Frame referral = next(client);
				assertThat(referral.line()).matches("XFR " + trId + " SB \\S+ CKI \\S+");
				String node = referral.token(2);
				String cookie = referral.token(4);
				nodes.add(node);
				assertThat(this.switchboards.verifyCaller(cookie, node, "bob@example.com").accepted())
					.as("for another user")
					.isFalse();
				assertThat(this.switchboards.verifyCaller(cookie, node.equals(ONE) ? TWO : ONE, alice).accepted())
					.as("on another node")
					.isFalse();
				assertThat(this.switchboards.verifyCaller(cookie, node, alice).ticket().friendlyName())
					.isEqualTo("Alice%20A.");
			}
			assertThat(nodes).as("a burst is spread over both nodes").containsExactlyInAnyOrder(ONE, TWO);

			this.registry.deregister("sb_one");
			Thread.sleep(Duration.parse("PT" + REFRESH).toMillis() + 100);
			for (int trId = 9; trId < 12; trId++) {
				client.send(Frame.of("XFR", String.valueOf(trId), "SB"));
				assertThat(next(client).token(2)).isEqualTo(TWO);
			}
			this.registry.deregister("sb_two");
			Thread.sleep(Duration.parse("PT" + REFRESH).toMillis() + 100);
			client.send(Frame.of("XFR", "12", "SB"));
			assertThat(next(client).line()).isEqualTo("280 12");
		}
		finally {
			this.registry.deregister("sb_one");
			this.registry.deregister("sb_two");
		}
	}

	private MsnpTestClient online(String handle) {
		MsnpTestClient client = signIn(address("tcp"), handle, "MSNP5");
		client.send(Frame.of("CHG", "4", "NLN"));
		Frame frame = next(client);
		while (!frame.verb().equals("CHG")) {
			frame = next(client);
		}
		return client;
	}

}
