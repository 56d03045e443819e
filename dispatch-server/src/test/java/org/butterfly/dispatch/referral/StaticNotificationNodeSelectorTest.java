package org.butterfly.dispatch.referral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.butterfly.server.AdvertisedAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StaticNotificationNodeSelectorTest {

	private static final List<AdvertisedAddress> NODES = List.of(new AdvertisedAddress("127.0.0.11", 1864),
			new AdvertisedAddress("127.0.0.12", 1864), new AdvertisedAddress("127.0.0.13", 1864));

	@Test
	void aHandleAlwaysLandsOnTheSameNodeWhicheverSelectorAsks() {
		StaticNotificationNodeSelector one = new StaticNotificationNodeSelector(NODES);
		StaticNotificationNodeSelector another = new StaticNotificationNodeSelector(NODES);
		for (int i = 0; i < 100; i++) {
			String handle = "user" + i + "@hotmail.com";
			assertThat(one.select(handle)).isEqualTo(one.select(handle)).isEqualTo(another.select(handle));
		}
	}

	@Test
	void handlesSpreadOverEveryNode() {
		StaticNotificationNodeSelector selector = new StaticNotificationNodeSelector(NODES);
		Map<AdvertisedAddress, Integer> load = new HashMap<>();
		for (int i = 0; i < 3000; i++) {
			load.merge(selector.select("user" + i + "@hotmail.com"), 1, Integer::sum);
		}
		assertThat(load).containsOnlyKeys(NODES);
		assertThat(load.values()).allSatisfy((count) -> assertThat(count).isBetween(800, 1200));
	}

	@Test
	void needsAtLeastOneNode() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StaticNotificationNodeSelector(List.of()));
	}

}
