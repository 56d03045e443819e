package org.butterfly.notification.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.netty.channel.embedded.EmbeddedChannel;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.memory.InMemoryClusterBus;
import org.butterfly.cluster.memory.InMemorySessionDirectory;
import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.contacts.PhoneKey;
import org.butterfly.directory.privacy.PhoneView;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The presence engine without a database: what a session's client is told for each event
 * it receives, and the takeover of the node-local directory (msnp.md §5.4, §8.4).
 */
class SessionEventReceiverTest {

	private final SessionRegistry directory = new SessionRegistry("ns_test", new InMemorySessionDirectory(),
			new InMemoryClusterBus(), new SessionEventReceiver(new Disconnector(), null, null));

	@Test
	void presenceIsSentOnlyWhenWhatTheClientShowsChanges() {
		EmbeddedChannel channel = new EmbeddedChannel();
		NotificationSession watcher = signedIn(channel, "w@example.com", Dialect.MSNP5);
		deliver(channel, online(Status.NLN, "U"));
		assertThat(lines(channel)).as("nothing before the first CHG").isEmpty();

		watcher.firstChgDone(true);
		deliver(channel, online(Status.NLN, "U"));
		deliver(channel, online(Status.NLN, "U"));
		deliver(channel, online(Status.BSY, "U"));
		deliver(channel, online(Status.BSY, "U%20two"));
		deliver(channel, hidden());
		deliver(channel, hidden());
		assertThat(lines(channel)).containsExactly("NLN NLN u@example.com U", "NLN BSY u@example.com U",
				"NLN BSY u@example.com U%20two", "FLN u@example.com");
	}

	@Test
	void phoneChangesReachOnlyMsnp5SessionsThatDidSyn() {
		EmbeddedChannel old = new EmbeddedChannel();
		signedIn(old, "old@example.com", Dialect.MSNP4).synDone(true);
		EmbeddedChannel fresh = new EmbeddedChannel();
		NotificationSession session = signedIn(fresh, "new@example.com", Dialect.MSNP5);
		deliver(old, phones("old@example.com"));
		deliver(fresh, phones("new@example.com"));
		assertThat(lines(old)).isEmpty();
		assertThat(lines(fresh)).as("no SYN yet").isEmpty();
		session.synDone(true);
		deliver(fresh, phones("new@example.com"));
		deliver(fresh, SessionEventReceiver
			.eventOf(new ListEffect.EntryAdded("new@example.com", ListType.RL, 10, "a@example.com", "A")));
		assertThat(lines(fresh)).containsExactly("BPR 9 u@example.com PHH 1", "BPR 9 u@example.com MOB Y",
				"ADD 0 RL 10 a@example.com A");
	}

	@Test
	void aSecondClaimSendsOutOthToTheFirstSession() {
		EmbeddedChannel first = new EmbeddedChannel();
		NotificationSession one = signedIn(first, "a@example.com", Dialect.MSNP5);
		EmbeddedChannel second = new EmbeddedChannel();
		NotificationSession two = session(second, "a@example.com", Dialect.MSNP7);
		assertThat(this.directory.claim(two)).isTrue();
		first.runPendingTasks();
		assertThat(lines(first)).containsExactly("OUT OTH");
		assertThat(first.isOpen()).isFalse();
		assertThat(this.directory.release(one)).as("the old session no longer owns the account").isFalse();
		assertThat(this.directory.isCurrent(two)).isTrue();
		assertThat(this.directory.presenceOf("a@example.com")).contains(two.presence());
	}

	private NotificationSession signedIn(EmbeddedChannel channel, String handle, Dialect dialect) {
		NotificationSession session = session(channel, handle, dialect);
		this.directory.claim(session);
		return session;
	}

	private static NotificationSession session(EmbeddedChannel channel, String handle, Dialect dialect) {
		NotificationSession session = NotificationSession.install(channel, channel.eventLoop());
		session.negotiated(dialect);
		session.authenticated(new Principal(handle, 1, 0, 1), handle);
		return session;
	}

	private void deliver(EmbeddedChannel channel, ClusterEvent.ForAccount event) {
		this.directory.deliver(event);
		channel.runPendingTasks();
	}

	private static ClusterEvent.ForAccount phones(String watcher) {
		return SessionEventReceiver.eventOf(new ListEffect.PhonesChanged(watcher, 9, "u@example.com",
				new PhoneView("1", null, null, true), Set.of(PhoneKey.MOB, PhoneKey.PHH)));
	}

	private static ClusterEvent.ForAccount online(Status status, String name) {
		return new ClusterEvent.PresenceChanged("w@example.com", "u@example.com", status.name(), name);
	}

	private static ClusterEvent.ForAccount hidden() {
		return new ClusterEvent.PresenceChanged("w@example.com", "u@example.com", null, null);
	}

	private static List<String> lines(EmbeddedChannel channel) {
		List<String> lines = new ArrayList<>();
		for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
			lines.add(((Frame) out).line());
		}
		return lines;
	}

}
