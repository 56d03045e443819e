package org.butterfly.admin;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.sessions.LiveSessions;
import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.ClusterReceiver;
import org.butterfly.cluster.EventRouter;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.Subscription;
import org.butterfly.cluster.memory.InMemorySessionDirectory;
import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.contacts.ListType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LiveSessionsTest {

	@Test
	void notificationsGoToMsnp5AndLaterPastTheFirstChg() {
		assertThat(LiveSessions.takesNotifications(session("NLN", "MSNP5"))).isTrue();
		assertThat(LiveSessions.takesNotifications(session("HDN", "MSNP7"))).isTrue();
		assertThat(LiveSessions.takesNotifications(session("FLN", "MSNP7"))).isFalse();
		assertThat(LiveSessions.takesNotifications(session("NLN", "MSNP4"))).isFalse();
		assertThat(LiveSessions.takesNotifications(session("NLN", "MSNP2"))).isFalse();
		assertThat(LiveSessions.takesNotifications(session("NLN", "CVR0"))).isFalse();
	}

	@Test
	void aBusFailureAfterTheCommitIsNoErrorAndLeavesNotificationsQueued() {
		InMemorySessionDirectory directory = new InMemorySessionDirectory();
		directory.claim(session("NLN", "MSNP5"));
		LiveSessions sessions = new LiveSessions(directory, new EventRouter(directory, new BrokenBus()));
		assertThat(sessions.notificationQueued("a@example.com", 1)).isFalse();
		assertThatNoException().isThrownBy(() -> {
			sessions.kick("a@example.com");
			sessions.systemMessage(5);
			sessions.publish(List.of(new ListEffect.EntryAdded("a@example.com", ListType.RL, 1, "b@example.com", "b")),
					List.of());
		});
	}

	private static OnlineSession session(String status, String dialect) {
		return new OnlineSession("a@example.com", "s1", "ns_1", status, "A", dialect, Instant.now());
	}

	private static final class BrokenBus implements ClusterBus {

		@Override
		public void send(String node, List<? extends ClusterEvent> events) {
			throw new IllegalStateException("the database is down");
		}

		@Override
		public void broadcast(ClusterEvent event) {
			throw new IllegalStateException("the database is down");
		}

		@Override
		public Subscription subscribe(String node, ClusterReceiver receiver) {
			throw new UnsupportedOperationException();
		}

	}

}
