package org.butterfly.notification.invitations;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.butterfly.directory.mail.ClaimedMail;
import org.butterfly.directory.mail.MailOutbox;
import org.butterfly.directory.mail.OutgoingMail;
import org.butterfly.directory.mail.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The sender of the mail outbox on one node (docs/adr/0304): one thread that claims due
 * mails in batches, sends each batch over one SMTP connection and reports every mail sent
 * or failed. Every node may run one: claims never overlap. While the mail server is down
 * every attempt fails and the mails wait in the outbox with a growing delay, so nothing
 * is lost. {@link #wake()} makes it look at once (after a mail was queued on this node);
 * otherwise it polls.
 */
public final class OutboxMailer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxMailer.class);

	private final MailOutbox outbox;

	private final JavaMailSender mailSender;

	private final InternetAddress from;

	private final String fromName;

	private final Settings settings;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	/**
	 * How the sender works.
	 *
	 * @param pollInterval how often to look when not woken
	 * @param batchSize the most mails per claim
	 * @param lease how long a claim lasts
	 * @param retryPolicy the back-off for failed mails
	 */
	public record Settings(Duration pollInterval, int batchSize, Duration lease, RetryPolicy retryPolicy) {
	}

	/**
	 * @param outbox the outbox
	 * @param mailSender the SMTP client
	 * @param from the {@code From} address
	 * @param fromName the {@code From} name of mails that name none
	 * @param settings how to poll and retry
	 * @throws IllegalArgumentException if {@code from} is not an address
	 */
	public OutboxMailer(MailOutbox outbox, JavaMailSender mailSender, String from, String fromName, Settings settings) {
		this.outbox = outbox;
		this.mailSender = mailSender;
		try {
			this.from = new InternetAddress(from, true);
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("The sender address '" + from + "' is not an e-mail address", ex);
		}
		this.fromName = fromName;
		this.settings = settings;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "mail-sender");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::drain, 0, interval, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			// A batch in flight finishes; a mail cut off here is sent again after its
			// lease.
			if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
				running.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			running.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/** Looks at the outbox soon, without waiting for the next poll. Any thread. */
	public void wake() {
		ScheduledExecutorService running = this.executor;
		if (running != null && this.wakeQueued.compareAndSet(false, true)) {
			try {
				running.execute(() -> {
					this.wakeQueued.set(false);
					drain();
				});
			}
			catch (RuntimeException ex) {
				// Stopping: the mail waits in the outbox for the next start or node.
				this.wakeQueued.set(false);
			}
		}
	}

	/** Sends due mails until none is left or a batch fails. */
	void drain() {
		try {
			boolean more = true;
			while (more && this.executor != null) {
				List<ClaimedMail> batch = this.outbox.claimDue(this.settings.batchSize(), this.settings.lease());
				boolean allSent = send(batch);
				more = allSent && batch.size() == this.settings.batchSize();
			}
		}
		catch (RuntimeException ex) {
			// The database may be away: the next poll tries again.
			logger.warn("Cannot work through the mail outbox", ex);
		}
	}

	/**
	 * @return whether every mail of the batch was sent
	 */
	private boolean send(List<ClaimedMail> batch) {
		if (batch.isEmpty()) {
			return true;
		}
		List<ClaimedMail> ready = new ArrayList<>();
		List<MimeMessage> messages = new ArrayList<>();
		for (ClaimedMail claim : batch) {
			try {
				messages.add(message(claim.mail()));
				ready.add(claim);
			}
			catch (MessagingException | UnsupportedEncodingException | RuntimeException ex) {
				logger.warn("Mail {} cannot be built and is given up: {}", claim.id(), ex.getMessage());
				this.outbox.markFailed(claim, "cannot build the mail: " + ex.getMessage(), true,
						this.settings.retryPolicy());
			}
		}
		if (messages.isEmpty()) {
			return false;
		}
		Map<Object, Exception> failures;
		try {
			this.mailSender.send(messages.toArray(MimeMessage[]::new));
			failures = Map.of();
		}
		catch (MailSendException ex) {
			failures = ex.getFailedMessages();
		}
		catch (MailException ex) {
			failures = new IdentityHashMap<>();
			for (MimeMessage message : messages) {
				failures.put(message, ex);
			}
		}
		for (int i = 0; i < ready.size(); i++) {
			report(ready.get(i), failures.get(messages.get(i)));
		}
		return failures.isEmpty() && ready.size() == batch.size();
	}

	private void report(ClaimedMail claim, Exception failure) {
		if (failure == null) {
			if (!this.outbox.markSent(claim)) {
				logger.warn("Mail {} was sent after its claim ended (another attempt may send it too)", claim.id());
			}
			return;
		}
		String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		this.outbox.markFailed(claim, reason, false, this.settings.retryPolicy())
			.ifPresent((state) -> logger.warn("Mail {} attempt {} failed ({}), now {}", claim.id(), claim.attempt(),
					reason, state));
	}

	private MimeMessage message(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(new InternetAddress(this.from.getAddress(),
				(mail.senderName() != null) ? mail.senderName() : this.fromName, "UTF-8"));
		helper.setTo(new InternetAddress(mail.recipient(), true));
		if (mail.replyTo() != null) {
			helper.setReplyTo(new InternetAddress(mail.replyTo(), true));
		}
		helper.setSubject(mail.subject());
		helper.setText(mail.body(), false);
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

}
