package org.butterfly.notification.invitations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.netty.channel.embedded.EmbeddedChannel;
import org.butterfly.notification.session.NotificationSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The per-session invitation bucket: a burst, then one per refill period, never more than
 * the burst saved up, and one bucket per session.
 */
class InvitationLimiterTest {

	private static final Instant START = Instant.parse("2026-11-22T03:00:00Z");

	private final EmbeddedChannel one = new EmbeddedChannel();

	private final EmbeddedChannel other = new EmbeddedChannel();

	@AfterEach
	void close() {
		this.one.finishAndReleaseAll();
		this.other.finishAndReleaseAll();
	}

	@Test
	void aBurstThenOnePerRefillAndNoMoreThanTheBurstSavedUp() {
		NotificationSession session = NotificationSession.install(this.one, this.one.eventLoop());
		assertThat(at(Duration.ZERO).tryAcquire(session)).isTrue();
		assertThat(at(Duration.ZERO).tryAcquire(session)).isTrue();
		assertThat(at(Duration.ZERO).tryAcquire(session)).isFalse();

		assertThat(at(Duration.ofSeconds(59)).tryAcquire(session)).isFalse();
		assertThat(at(Duration.ofSeconds(60)).tryAcquire(session)).isTrue();
		assertThat(at(Duration.ofSeconds(60)).tryAcquire(session)).isFalse();

		Duration later = Duration.ofHours(1);
		assertThat(at(later).tryAcquire(session)).isTrue();
		assertThat(at(later).tryAcquire(session)).isTrue();
		assertThat(at(later).tryAcquire(session)).isFalse();
	}

	@Test
	void eachSessionHasItsOwnBucket() {
		NotificationSession first = NotificationSession.install(this.one, this.one.eventLoop());
		NotificationSession second = NotificationSession.install(this.other, this.other.eventLoop());
		InvitationLimiter limiter = at(Duration.ZERO);
		assertThat(limiter.tryAcquire(first)).isTrue();
		assertThat(limiter.tryAcquire(first)).isTrue();
		assertThat(limiter.tryAcquire(first)).isFalse();
		assertThat(limiter.tryAcquire(second)).isTrue();
	}

	@Test
	void theBurstAndRefillMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvitationLimiter(0, Duration.ofMinutes(1), Clock.systemUTC()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvitationLimiter(1, Duration.ZERO, Clock.systemUTC()));
	}

	/**
	 * The limiter at {@code elapsed} after the start: limiters are stateless (the bucket
	 * is on the channel), so a new one with a later clock sees the same buckets.
	 */
	private static InvitationLimiter at(Duration elapsed) {
		return new InvitationLimiter(2, Duration.ofMinutes(1), Clock.fixed(START.plus(elapsed), ZoneOffset.UTC));
	}

}
