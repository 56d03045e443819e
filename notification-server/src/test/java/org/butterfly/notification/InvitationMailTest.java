package org.butterfly.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.butterfly.directory.mail.MailOutbox;
import org.butterfly.directory.mail.MailState;
import org.butterfly.directory.mail.QueuedMail;
import org.butterfly.notification.invitations.OutboxMailer;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation mail end to end, with a real SMTP server (GreenMail) in the test: an
 * {@code SDC} over a real socket becomes exactly one mail, addressed to the invitee,
 * answering to the inviter, in the client's language; with the SMTP server down the mail
 * stays queued and is sent exactly once when it is back.
 * <p>
 * The other test contexts on this database have no sender (the base class turns it off),
 * so no sender without a mail server can claim these mails. Mails other tests queued are
 * sent here too; the assertions look at this test's recipients only.
 */
@TestPropertySource(properties = { "butterfly.notification.mail.smtp.host=127.0.0.1",
		"butterfly.notification.mail.from=invitations@butterfly.test",
		"butterfly.notification.mail.from-name=Butterfly Test",
		"butterfly.notification.mail.download-url=https://butterfly.test/download",
		"butterfly.notification.mail.sender.poll-interval=200ms",
		"butterfly.notification.mail.sender.first-retry-delay=300ms",
		"butterfly.notification.mail.sender.max-retry-delay=600ms",
		"butterfly.notification.mail.sender.max-attempts=1000" })
class InvitationMailTest extends NotificationServerTest {

	private static final int SMTP_PORT = freePort();

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private OutboxMailer mailer;

	private GreenMail smtp;

	/** The base class turns the sender off: this context is the only one that sends. */
	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("butterfly.notification.mail.sender.enabled", () -> "true");
		registry.add("butterfly.notification.mail.smtp.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void startSmtp() {
		this.smtp = startedSmtp();
		assertThat(this.mailer.isRunning()).isTrue();
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void sdcSendsExactlyOneCorrectlyAddressedLocalisedMail() throws Exception {
		String alice = account("alice", "Alice%20Liddell");
		String bob = "bob-" + System.nanoTime() + "@invitee.example.org";
		try (MsnpTestClient client = signIn(this.server.localAddress(), alice, "MSNP5")) {
			client.send(Frame.withPayload("SDC",
					List.of("4", bob, "0x0407", "MSMSGS", "MSMSGS", "X", "X", "Alice%20Liddell"),
					"Hallo Bob!\r\nBis bald.".getBytes(StandardCharsets.UTF_8)));
			assertThat(next(client).line()).isEqualTo("SDC 4 OK");
		}

		MimeMessage mail = arrived(bob);
		assertThat(mail.getAllRecipients()).extracting(Address::toString).containsExactly(bob);
		assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
		assertThat(mail.getRecipients(Message.RecipientType.BCC)).isNull();
		InternetAddress from = (InternetAddress) mail.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("invitations@butterfly.test");
		assertThat(from.getPersonal()).isEqualTo("Butterfly Test");
		assertThat(mail.getReplyTo()).extracting(Address::toString).containsExactly(alice);
		assertThat(mail.getSubject()).isEqualTo("Alice Liddell lädt Sie zu MSN Messenger ein");
		assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		String body = ((String) mail.getContent()).replace("\r\n", "\n");
		assertThat(body).startsWith("Hallo,\n")
			.contains("Alice Liddell (" + alice + ") möchte mit Ihnen über MSN Messenger chatten.",
					"Alice Liddell hat eine persönliche Nachricht hinzugefügt:\n\n    Hallo Bob!\n    Bis bald.\n",
					"https://butterfly.test/download");

		QueuedMail queued = sentOnce(bob);
		assertThat(queued.attempts()).isEqualTo(1);
	}

	@Test
	void withTheSmtpServerDownTheMailIsKeptAndSentOnceWhenItIsBack() throws Exception {
		this.smtp.stop();
		String alice = account("alice", "Alice%20Liddell");
		String carol = "carol-" + System.nanoTime() + "@invitee.example.org";
		try (MsnpTestClient client = signIn(this.server.localAddress(), alice, "MSNP6")) {
			client.send(Frame.withPayload("SDC",
					List.of("4", carol, "0x040C", "MSMSGS", "MSMSGS", "X", "X", "Alice%20Liddell"), new byte[0]));
			assertThat(next(client).line()).isEqualTo("SDC 4 OK");
		}
		// Several attempts fail while the server is down; the mail stays queued.
		eventually(() -> this.outbox.findByRecipient(carol).get(0).attempts() >= 3);
		QueuedMail waiting = this.outbox.findByRecipient(carol).get(0);
		assertThat(waiting.state()).isEqualTo(MailState.QUEUED);
		assertThat(waiting.lastError()).isPresent();

		this.smtp = startedSmtp();
		MimeMessage mail = arrived(carol);
		assertThat(mail.getSubject()).isEqualTo("Alice Liddell vous invite sur MSN Messenger");
		assertThat(mail.getReplyTo()).extracting(Address::toString).containsExactly(alice);
		QueuedMail sent = sentOnce(carol);
		assertThat(sent.attempts()).isGreaterThan(waiting.attempts());
	}

	/** The mail is sent and stays sent: later polls and retries send nothing more. */
	private QueuedMail sentOnce(String recipient) throws Exception {
		eventually(() -> this.outbox.findByRecipient(recipient).get(0).state() == MailState.SENT);
		// Several poll intervals and retry delays later there is still exactly one.
		Thread.sleep(1500);
		onlyMailTo(recipient);
		List<QueuedMail> queued = this.outbox.findByRecipient(recipient);
		assertThat(queued).hasSize(1);
		assertThat(queued.get(0).state()).isEqualTo(MailState.SENT);
		return queued.get(0);
	}

	private MimeMessage arrived(String recipient) throws InterruptedException {
		eventually(() -> !mailsTo(recipient).isEmpty());
		return onlyMailTo(recipient);
	}

	private List<MimeMessage> mailsTo(String recipient) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().equals(recipient));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private MimeMessage onlyMailTo(String recipient) {
		List<MimeMessage> mails = mailsTo(recipient);
		assertThat(mails).as("mails to %s", recipient).hasSize(1);
		assertThat(GreenMailUtil.getHeaders(mails.get(0))).doesNotContainIgnoringCase("bcc:");
		return mails.get(0);
	}

	private static GreenMail startedSmtp() {
		GreenMail started = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		started.start();
		return started;
	}

	private static void eventually(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition still false after %s", WAIT).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
