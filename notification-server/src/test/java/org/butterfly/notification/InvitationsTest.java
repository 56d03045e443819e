package org.butterfly.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.butterfly.directory.account.AccountUpdate;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.mail.MailOutbox;
import org.butterfly.directory.mail.OutgoingMail;
import org.butterfly.directory.mail.QueuedMail;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SND} and {@code SDC} in every dialect (msnp.md §11.3, §11.4, §16): the form each
 * dialect has, the close where a command or form does not exist, the checks that answer
 * {@code 503} and close, the per-session limit ({@code 800}), and the mail each accepted
 * invitation leaves in the outbox, addressed and localised.
 */
class InvitationsTest extends NotificationServerTest {

	private static final AtomicInteger addresses = new AtomicInteger();

	/** Subjects by dialect of the first invitation (to {@code friend}). */
	private static final Map<String, String> FRIEND_SUBJECTS = Map.of("msnp2",
			"Alice Liddell invites you to MSN Messenger", "msnp3", "Alice Liddell lädt Sie zu MSN Messenger ein",
			"msnp4", "Alice Liddell vous invite sur MSN Messenger", "msnp5",
			"Alice (busy week) invites you to MSN Messenger", "msnp6", "Alice (busy week) invites you to MSN Messenger",
			"msnp7", "Alice (busy week) invites you to MSN Messenger");

	@Autowired
	private MailOutbox outbox;

	@ParameterizedTest
	@ValueSource(strings = { "msnp2", "msnp3", "msnp4", "msnp5", "msnp6", "msnp7" })
	void eachDialectInvitesInItsOwnForm(String dialect) {
		List<Run> runs = new ArrayList<>();
		transcript("/transcripts/invitations/" + dialect + ".msnp", (variables) -> {
			Run run = new Run(account("alice", "Alice%20Liddell"), invitee("friend"), invitee("spanish"),
					invitee("fallback"), invitee("other"));
			runs.add(run);
			return variables.set("alice", run.alice())
				.set("friend", run.friend())
				.set("spanish", run.spanish())
				.set("fallback", run.fallback())
				.set("other", run.other());
		});
		assertThat(runs).hasSize(TRANSPORTS.size());
		for (Run run : runs) {
			OutgoingMail friend = onlyMailTo(run.friend());
			assertThat(friend.replyTo()).isEqualTo(run.alice());
			assertThat(friend.senderName()).isNull();
			assertThat(friend.subject()).isEqualTo(FRIEND_SUBJECTS.get(dialect));
			assertThat(friend.body()).contains("(" + run.alice() + ")", "http://127.0.0.1:8080/download");
			assertThat(this.outbox.findByRecipient(run.other())).isEmpty();
			if (dialect.compareTo("msnp5") >= 0) {
				assertThat(friend.body()).contains("Alice (busy week) added a personal message:",
						"    Join me on Messenger!");
				OutgoingMail spanish = onlyMailTo(run.spanish());
				assertThat(spanish.subject()).isEqualTo("Alice le invita a MSN Messenger");
				assertThat(spanish.body()).startsWith("Hola:").doesNotContain("mensaje personal");
				OutgoingMail fallback = onlyMailTo(run.fallback());
				assertThat(fallback.subject()).isEqualTo("Alice Liddell invites you to MSN Messenger");
			}
			else {
				assertThat(friend.body()).doesNotContain("personal message", "persönliche", "message personnel");
			}
		}
	}

	@Test
	void badParametersAre503AndCloseAndQueueNothing() {
		List<String> others = new ArrayList<>();
		transcript("/transcripts/invitations/errors.msnp", (variables) -> {
			String other = invitee("other");
			others.add(other);
			return variables.set("alice", account("alice", "Alice%20Liddell"))
				.set("other", other)
				.set("longAddress", "a".repeat(120) + "@example.com")
				.set("longName", "%41".repeat(130))
				.set("bell", "\u0007");
		});
		others.forEach((other) -> assertThat(this.outbox.findByRecipient(other)).isEmpty());
	}

	@Test
	void eachSessionMayInviteFiveTimesInARowThen800() {
		List<Run> runs = new ArrayList<>();
		transcript("/transcripts/invitations/rate-limit.msnp", (variables) -> {
			Run run = new Run(account("alice", "Alice%20Liddell"), invitee("friend"), invitee("spanish"), null,
					invitee("other"));
			runs.add(run);
			return variables.set("alice", run.alice())
				.set("friend", run.friend())
				.set("spanish", run.spanish())
				.set("other", run.other());
		});
		for (Run run : runs) {
			assertThat(this.outbox.findByRecipient(run.friend())).hasSize(5);
			assertThat(this.outbox.findByRecipient(run.other())).isEmpty();
			assertThat(onlyMailTo(run.spanish()).subject()).isEqualTo("Alice le invita a MSN Messenger");
		}
	}

	@Test
	void anIndexNamesAResultOfTheSessionsLastSearch() throws Exception {
		String alice = account("alice", "Alice%20Liddell");
		String found = account("found", "Found");
		String lastName = "Searched" + found.substring(0, found.indexOf('@')).replaceAll("[^a-z0-9]", "");
		this.accounts.update(found, AccountUpdate.NONE
			.withProfile(new Profile("Found", lastName, null, null, "US", true, 1033, null, null, null, false, true)));
		try (MsnpTestClient client = signIn(this.server.localAddress(), alice, "MSNP5")) {
			client.send(Frame.of("FND", "3", "fname=found", "lname=" + lastName, "city=*", "state=*", "country=*"));
			assertThat(next(client).line()).startsWith("FND 3 1 1 ");
			client.send(sdc("4", "1"));
			assertThat(next(client).line()).isEqualTo("SDC 4 OK");
			// only one result: index 2 names nothing
			client.send(sdc("5", "2"));
			assertThat(next(client).line()).isEqualTo("503 5");
			assertThat(client.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
		}
		OutgoingMail mail = onlyMailTo(found);
		assertThat(mail.replyTo()).isEqualTo(alice);
		assertThat(mail.subject()).isEqualTo("Alice invites you to MSN Messenger");
	}

	private static Frame sdc(String trId, String target) {
		return Frame.withPayload("SDC", List.of(trId, target, "0x0409", "MSMSGS", "MSMSGS", "X", "X", "Alice"),
				new byte[0]);
	}

	private OutgoingMail onlyMailTo(String recipient) {
		List<QueuedMail> mails = this.outbox.findByRecipient(recipient);
		assertThat(mails).as("mails to %s", recipient).hasSize(1);
		return mails.get(0).mail();
	}

	private static String invitee(String name) {
		return name + "-" + addresses.incrementAndGet() + "@invitee.example.org";
	}

	private record Run(String alice, String friend, String spanish, String fallback, String other) {
	}

}
