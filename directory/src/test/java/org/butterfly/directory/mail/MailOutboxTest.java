package org.butterfly.directory.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The mail outbox: claiming with a lease, sent and failed reports, back-off, giving up,
 * and no mail claimed twice by concurrent senders.
 */
class MailOutboxTest extends DirectoryIntegrationTest {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(3));

	private static final AtomicInteger recipients = new AtomicInteger();

	@Autowired
	private MailOutbox outbox;

	@Test
	void aQueuedMailIsClaimedOnceAndMarkedSent() {
		OutgoingMail mail = mail();
		long id = this.outbox.enqueue(mail);
		QueuedMail queued = this.outbox.find(id).orElseThrow();
		assertThat(queued.mail()).isEqualTo(mail);
		assertThat(queued.state()).isEqualTo(MailState.QUEUED);
		assertThat(queued.attempts()).isZero();

		ClaimedMail claim = claim(id);
		assertThat(claim.attempt()).isEqualTo(1);
		assertThat(claim.mail()).isEqualTo(mail);
		assertThat(claimedIds()).doesNotContain(id);

		assertThat(this.outbox.markSent(claim)).isTrue();
		assertThat(this.outbox.markSent(claim)).isFalse();
		QueuedMail sent = this.outbox.find(id).orElseThrow();
		assertThat(sent.state()).isEqualTo(MailState.SENT);
		assertThat(sent.sentAt()).contains(this.clock.instant());
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(claimedIds()).doesNotContain(id);
		assertThat(this.outbox.findByRecipient(mail.recipient())).containsExactly(sent);
	}

	@Test
	void aFailedMailIsRetriedWithGrowingDelaysAndGivenUpAfterTheLastAttempt() {
		long id = this.outbox.enqueue(mail());
		ClaimedMail first = claim(id);
		assertThat(this.outbox.markFailed(first, "connection refused", false, POLICY)).contains(MailState.QUEUED);
		QueuedMail waiting = this.outbox.find(id).orElseThrow();
		assertThat(waiting.lastError()).contains("connection refused");
		assertThat(waiting.nextAttemptAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(claimedIds()).doesNotContain(id);

		this.clock.advance(Duration.ofMinutes(1));
		ClaimedMail second = claim(id);
		assertThat(second.attempt()).isEqualTo(2);
		assertThat(this.outbox.markFailed(second, "421 try later", false, POLICY)).contains(MailState.QUEUED);
		assertThat(this.outbox.find(id).orElseThrow().nextAttemptAt())
			.isEqualTo(this.clock.instant().plus(Duration.ofMinutes(2)));

		this.clock.advance(Duration.ofMinutes(2));
		ClaimedMail third = claim(id);
		assertThat(this.outbox.markFailed(third, "x".repeat(900), false, POLICY)).contains(MailState.FAILED);
		QueuedMail failed = this.outbox.find(id).orElseThrow();
		assertThat(failed.state()).isEqualTo(MailState.FAILED);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.lastError().orElseThrow()).hasSize(500);
		this.clock.advance(Duration.ofHours(1));
		assertThat(claimedIds()).doesNotContain(id);
	}

	@Test
	void aPermanentFailureGivesUpAtOnce() {
		long id = this.outbox.enqueue(mail());
		ClaimedMail claim = claim(id);
		assertThat(this.outbox.markFailed(claim, "bad address", true, POLICY)).contains(MailState.FAILED);
		assertThat(this.outbox.markFailed(claim, "again", false, POLICY)).isEmpty();
		assertThat(this.outbox.find(id).orElseThrow().lastError()).contains("bad address");
	}

	@Test
	void aClaimWhoseSenderVanishedIsClaimedAgainAfterTheLeaseAndTheStaleReportIsIgnored() {
		long id = this.outbox.enqueue(mail());
		ClaimedMail lost = claim(id);
		this.clock.advance(LEASE.minusSeconds(1));
		assertThat(claimedIds()).doesNotContain(id);
		this.clock.advance(Duration.ofSeconds(1));
		ClaimedMail again = claim(id);
		assertThat(again.attempt()).isEqualTo(2);

		assertThat(this.outbox.markSent(lost)).isFalse();
		assertThat(this.outbox.markFailed(lost, "late", false, POLICY)).isEmpty();
		assertThat(this.outbox.markSent(again)).isTrue();
		assertThat(this.outbox.find(id).orElseThrow().state()).isEqualTo(MailState.SENT);
	}

	@Test
	void concurrentSendersNeverClaimTheSameMail() throws Exception {
		Set<Long> ids = new HashSet<>();
		for (int i = 0; i < 300; i++) {
			ids.add(this.outbox.enqueue(mail()));
		}
		int senders = 8;
		ConcurrentMap<Long, Integer> claims = new ConcurrentHashMap<>();
		CyclicBarrier start = new CyclicBarrier(senders);
		ExecutorService executor = Executors.newFixedThreadPool(senders);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				done.add(executor.submit(() -> {
					start.await();
					List<ClaimedMail> batch;
					do {
						batch = this.outbox.claimDue(7, LEASE);
						batch.forEach((claim) -> claims.merge(claim.id(), 1, Integer::sum));
					}
					while (!batch.isEmpty());
					return null;
				}));
			}
			for (Future<?> sender : done) {
				sender.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(claims.keySet()).containsAll(ids);
		assertThat(claims.values()).containsOnly(1);
	}

	@Test
	void headersCannotBeInjectedAndLimitsHold() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMail("a@example.com", null, "Eve\r\nBcc: x@example.com", "Hi", "body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMail("a@example.com\nBcc: x@example.com", null, null, "Hi", "body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMail("a@example.com", "r@example.com\r", null, "Hi", "body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMail("a@example.com", null, null, "Hi\nthere", "body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMail("a@example.com", null, null, "x".repeat(401), "body"));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingMail("a@example.com", null, null, "Hi", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> this.outbox.claimDue(0, LEASE));
		assertThat(new OutgoingMail("a@example.com", null, "Zoë 😀", "Hi", "line 1\r\nline 2").senderName())
			.isEqualTo("Zoë 😀");
		assertThat(POLICY.delayAfter(10)).isEqualTo(Duration.ofMinutes(3));
	}

	private ClaimedMail claim(long id) {
		List<ClaimedMail> claimed = this.outbox.claimDue(1000, LEASE);
		return claimed.stream().filter((claim) -> claim.id() == id).findFirst().orElseThrow();
	}

	private Set<Long> claimedIds() {
		Set<Long> ids = new HashSet<>();
		this.outbox.claimDue(1000, LEASE).forEach((claim) -> ids.add(claim.id()));
		return ids;
	}

	private static OutgoingMail mail() {
		return new OutgoingMail("friend-" + recipients.incrementAndGet() + "@example.com", "alice@example.com", "Alice",
				"Alice invites you", "Hello!\n");
	}

}
