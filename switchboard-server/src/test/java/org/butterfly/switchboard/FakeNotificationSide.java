package org.butterfly.switchboard;

import org.butterfly.switchboard.invite.InMemoryRinger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The notification side of the tests: an {@link InMemoryRinger} whose presence table the
 * tests fill, delivering {@code RNG} lines to the {@link FakeNotificationServer}'s
 * connections.
 */
@TestConfiguration(proxyBeanMethods = false)
class FakeNotificationSide {

	@Bean(destroyMethod = "close")
	FakeNotificationServer fakeNotificationServer() {
		return new FakeNotificationServer();
	}

	@Bean
	@Primary
	InMemoryRinger testRinger(FakeNotificationServer notificationServer) {
		return new InMemoryRinger(notificationServer::deliver);
	}

}
