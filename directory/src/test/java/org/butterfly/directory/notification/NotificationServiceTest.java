package org.butterfly.directory.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The {@code NOT} queue: states, order, exactly-once delivery and expiry. */
class NotificationServiceTest extends DirectoryIntegrationTest {

	@Test
	void pendingNotificationsComeOldestFirstAndExpireAfterSevenDaysByDefault() {
		String alice = newAccount("alice");
		QueuedNotification first = this.notifications.enqueue(alice, "<NOTIFICATION id=\"1\"/>");
		this.clock.advance(Duration.ofSeconds(1));
		QueuedNotification second = this.notifications.enqueue(alice.toUpperCase(), "<NOTIFICATION id=\"2\"/>");

		assertThat(first.state()).isEqualTo(NotificationState.PENDING);
		assertThat(first.expiresAt()).isEqualTo(first.createdAt().plus(Duration.ofDays(7)));
		assertThat(first.deliveredAt()).isEmpty();
		assertThat(this.notifications.pendingFor(alice)).containsExactly(first, second);
		assertThat(this.notifications.pendingFor(this.accounts.find(alice).orElseThrow().id(), alice))
			.as("by a session's account id")
			.containsExactly(first, second);
		assertThat(this.notifications.pendingFor(newAccount("bob"))).isEmpty();
		assertThat(this.notifications.pendingFor("ghost@example.com")).isEmpty();
	}

	@Test
	void aNotificationIsDeliveredExactlyOnce() {
		String alice = newAccount("alice");
		QueuedNotification queued = this.notifications.enqueue(alice, "<NOTIFICATION/>");

		assertThat(this.notifications.markDelivered(queued.id())).isTrue();
		assertThat(this.notifications.markDelivered(queued.id())).isFalse();
		assertThat(this.notifications.pendingFor(alice)).isEmpty();
		assertThat(this.notifications.markDelivered(Long.MAX_VALUE)).isFalse();
	}

	@Test
	void ofManyNodesDeliveringAtOnceExactlyOneWins() throws Exception {
		String alice = newAccount("alice");
		int nodes = 8;
		ExecutorService executor = Executors.newFixedThreadPool(nodes);
		try {
			for (int round = 0; round < 20; round++) {
				long id = this.notifications.enqueue(alice, "<NOTIFICATION/>").id();
				CyclicBarrier start = new CyclicBarrier(nodes);
				List<Future<Boolean>> attempts = new ArrayList<>();
				for (int node = 0; node < nodes; node++) {
					Callable<Boolean> deliver = () -> {
						start.await();
						return this.notifications.markDelivered(id);
					};
					attempts.add(executor.submit(deliver));
				}
				int winners = 0;
				for (Future<Boolean> attempt : attempts) {
					winners += attempt.get() ? 1 : 0;
				}
				assertThat(winners).isEqualTo(1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void expiredNotificationsAreNeitherPendingNorDeliverable() {
		String alice = newAccount("alice");
		QueuedNotification shortLived = this.notifications.enqueue(alice, "<NOTIFICATION id=\"s\"/>",
				Duration.ofHours(1));
		QueuedNotification longLived = this.notifications.enqueue(alice, "<NOTIFICATION id=\"l\"/>");
		QueuedNotification delivered = this.notifications.enqueue(alice, "<NOTIFICATION id=\"d\"/>",
				Duration.ofHours(1));
		this.notifications.markDelivered(delivered.id());

		this.clock.advance(Duration.ofHours(1));

		assertThat(this.notifications.pendingFor(alice)).containsExactly(longLived);
		assertThat(this.notifications.markDelivered(shortLived.id())).isFalse();
		assertThat(this.notifications.expireOld()).isGreaterThanOrEqualTo(1);
		assertThat(this.notifications.expireOld()).isZero();
		NotificationState state = this.transactions.read(() -> this.notificationState(shortLived.id()));
		assertThat(state).isEqualTo(NotificationState.EXPIRED);
		assertThat(this.transactions.read(() -> this.notificationState(delivered.id())))
			.isEqualTo(NotificationState.DELIVERED);
		assertThat(this.notifications.markDelivered(longLived.id())).isTrue();
	}

	@Test
	void unknownAccountsAndEmptyPayloadsAreRefused() {
		assertThatExceptionOfType(AccountNotFoundException.class)
			.isThrownBy(() -> this.notifications.enqueue("ghost@example.com", "<NOTIFICATION/>"));
		String alice = newAccount("alice");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.notifications.enqueue(alice, ""));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.notifications.enqueue(alice, "<N/>", Duration.ZERO));
	}

	@Test
	void aClaimReturnsTheDocumentOnceAndOnlyToItsAccount() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		long aliceId = this.accounts.find(alice).orElseThrow().id();
		long bobId = this.accounts.find(bob).orElseThrow().id();
		QueuedNotification queued = this.notifications.enqueue(alice, "<NOTIFICATION id=\"1\"/>");
		QueuedNotification expiring = this.notifications.enqueue(alice, "<NOTIFICATION id=\"2\"/>",
				Duration.ofMinutes(1));

		assertThat(this.notifications.claim(queued.id(), bobId)).as("another account's").isEmpty();
		assertThat(this.notifications.claim(queued.id(), aliceId)).contains("<NOTIFICATION id=\"1\"/>");
		assertThat(this.notifications.claim(queued.id(), aliceId)).as("claimed already").isEmpty();
		assertThat(notificationState(queued.id())).isEqualTo(NotificationState.DELIVERED);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.notifications.claim(expiring.id(), aliceId)).as("expired").isEmpty();
		assertThat(notificationState(expiring.id())).isEqualTo(NotificationState.PENDING);
	}

	@Test
	void aBroadcastQueuesOneNotificationPerAccountInOrderOrNoneAtAll() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		Map<String, String> documents = new LinkedHashMap<>();
		documents.put(bob.toUpperCase(), "<NOTIFICATION id=\"b\"/>");
		documents.put(alice, "<NOTIFICATION id=\"a\"/>");

		List<QueuedNotification> queued = this.notifications.enqueueAll(documents, Duration.ofHours(1));

		assertThat(queued).extracting(QueuedNotification::account).containsExactly(bob, alice);
		assertThat(queued).extracting(QueuedNotification::payload)
			.containsExactly("<NOTIFICATION id=\"b\"/>", "<NOTIFICATION id=\"a\"/>");
		assertThat(queued.get(0).expiresAt()).isEqualTo(queued.get(0).createdAt().plus(Duration.ofHours(1)));
		assertThat(this.notifications.pendingFor(alice)).containsExactly(queued.get(1));
		assertThat(this.notifications.pendingFor(bob)).containsExactly(queued.get(0));

		Map<String, String> withAGhost = new LinkedHashMap<>();
		withAGhost.put(alice, "<NOTIFICATION id=\"c\"/>");
		withAGhost.put("ghost@example.com", "<NOTIFICATION id=\"c\"/>");
		assertThatExceptionOfType(AccountNotFoundException.class)
			.isThrownBy(() -> this.notifications.enqueueAll(withAGhost, Duration.ofHours(1)))
			.withMessageContaining("ghost@example.com");
		assertThat(this.notifications.pendingFor(alice)).as("nothing queued").containsExactly(queued.get(1));
	}

	private NotificationState notificationState(long id) {
		return this.notificationRepository.findById(id).orElseThrow().getState();
	}

}
