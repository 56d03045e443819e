package org.butterfly.notification;

import java.time.Duration;

import org.butterfly.directory.account.Account;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.directory.notification.QueuedNotification;
import org.butterfly.notification.notices.NoticeDelivery;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.reply.NotificationDocument;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code NOT} pushed while the user is online (msnp.md §11.6): delivered at once to an
 * MSNP5+ session past its first {@code CHG}, exactly once; kept queued for everyone else.
 */
class NoticeDeliveryTest extends NotificationServerTest {

	@Autowired
	NoticeDelivery notices;

	@Autowired
	NotificationService notifications;

	@Test
	void aPushReachesAnOnlineMsnp5SessionOnce() {
		String alice = account("alice", "Alice");
		String document = document(alice, "Your order has shipped.");
		try (MsnpTestClient client = signIn(address("tcp"), alice, "MSNP5")) {
			client.send(Frame.of("CHG", "4", "NLN"));
			assertThat(next(client).line()).isEqualTo("CHG 4 NLN");
			QueuedNotification queued = this.notices.push(alice, document);
			Frame not = next(client);
			assertThat(not.line()).isEqualTo("NOT " + not.payloadLength());
			assertThat(not.payloadAsUtf8()).isEqualTo(document);
			assertThat(this.notifications.markDelivered(queued.id())).as("delivered already").isFalse();
			assertThat(this.notifications.pendingFor(alice)).isEmpty();
		}
	}

	@Test
	void aPushWaitsForTheFirstChgAndNeverReachesMsnp4() {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		try (MsnpTestClient five = signIn(address("local"), alice, "MSNP5");
				MsnpTestClient four = signIn(address("tcp"), bob, "MSNP4")) {
			this.notices.push(alice, document(alice, "Before the first CHG"));
			this.notices.push(bob, document(bob, "Never for MSNP4"));
			assertThat(five.next(Duration.ofMillis(300))).isNull();
			five.send(Frame.of("CHG", "4", "BSY"));
			assertThat(next(five).line()).isEqualTo("CHG 4 BSY");
			assertThat(next(five).verb()).isEqualTo("NOT");
			four.send(Frame.of("CHG", "4", "NLN"));
			assertThat(next(four).line()).isEqualTo("CHG 4 NLN");
			assertThat(four.next(Duration.ofMillis(300))).isNull();
			assertThat(this.notifications.pendingFor(bob)).hasSize(1);
		}
	}

	private String document(String handle, String text) {
		Account account = this.accounts.find(handle).orElseThrow();
		return new NotificationDocument(7, "111100000", "http://alerts.example.net/", account.puid().pid(), handle, 7,
				"alerts/show", "alerts/manage", 1033, text)
			.toXml();
	}

}
