package org.butterfly.dispatch.referral;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.memory.InMemoryNodeRegistry;
import org.butterfly.cluster.memory.InMemorySessionDirectory;
import org.butterfly.server.AdvertisedAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegistryNotificationNodeSelectorTest {

	private final NodeRegistry registry = new InMemoryNodeRegistry(new InMemorySessionDirectory(), Clock.systemUTC(),
			Duration.ofSeconds(10));

	@Test
	void refersToTheLeastLoadedNodeAndCountsItsOwnReferrals() {
		this.registry.register("ns_one", NodeRegistry.NOTIFICATION, "127.0.0.11:1864");
		this.registry.register("ns_two", NodeRegistry.NOTIFICATION, "127.0.0.12:1864");
		this.registry.heartbeat("ns_one", 6);
		this.registry.heartbeat("ns_two", 2);
		try (RegistryNotificationNodeSelector selector = new RegistryNotificationNodeSelector(this.registry,
				Duration.ofMinutes(1), false)) {
			Map<AdvertisedAddress, Integer> referrals = new HashMap<>();
			for (int i = 0; i < 4; i++) {
				referrals.merge(selector.select("user" + i + "@example.com"), 1, Integer::sum);
			}
			assertThat(referrals).containsOnly(Map.entry(new AdvertisedAddress("127.0.0.12", 1864), 4));
			for (int i = 0; i < 10; i++) {
				referrals.merge(selector.select("more" + i + "@example.com"), 1, Integer::sum);
			}
			assertThat(referrals).containsEntry(new AdvertisedAddress("127.0.0.11", 1864), 5)
				.containsEntry(new AdvertisedAddress("127.0.0.12", 1864), 9);
		}
	}

	@Test
	void withoutALiveNodeThereIsNoReferral() {
		this.registry.register("sb_one", NodeRegistry.SWITCHBOARD, "127.0.0.11:1865");
		try (RegistryNotificationNodeSelector selector = new RegistryNotificationNodeSelector(this.registry,
				Duration.ofMinutes(1), false)) {
			assertThatExceptionOfType(NoNotificationNodeException.class)
				.isThrownBy(() -> selector.select("user@example.com"));
		}
	}

	@Test
	void aNodeThatLeavesIsDroppedAtTheNextRead() {
		this.registry.register("ns_one", NodeRegistry.NOTIFICATION, "127.0.0.11:1864");
		this.registry.register("ns_two", NodeRegistry.NOTIFICATION, "127.0.0.12:1864");
		try (RegistryNotificationNodeSelector selector = new RegistryNotificationNodeSelector(this.registry,
				Duration.ofMinutes(1), false)) {
			this.registry.deregister("ns_one");
			selector.refresh();
			for (int i = 0; i < 5; i++) {
				assertThat(selector.select("user" + i + "@example.com"))
					.isEqualTo(new AdvertisedAddress("127.0.0.12", 1864));
			}
		}
	}

}
