package org.butterfly.notification.invitations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.netty.util.AttributeKey;
import org.butterfly.notification.session.NotificationSession;

/**
 * The per-session limit on invitations (docs/adr/0305): a bucket of {@code burst}
 * invitations per session that regains one every {@code refill}. The bucket lives on the
 * session's channel and is used on its executor only; the limiter itself is stateless.
 */
public final class InvitationLimiter {

	private static final AttributeKey<Bucket> KEY = AttributeKey.valueOf(InvitationLimiter.class, "bucket");

	private final int burst;

	private final long refillNanos;

	private final Clock clock;

	public InvitationLimiter(int burst, Duration refill, Clock clock) {
		if (burst < 1 || refill.isNegative() || refill.isZero()) {
			throw new IllegalArgumentException("The burst and the refill must be positive");
		}
		this.burst = burst;
		this.refillNanos = refill.toNanos();
		this.clock = clock;
	}

	/**
	 * Takes one invitation from the session's bucket.
	 * @param session the inviting session
	 * @return {@code false} if the bucket is empty (the invitation is refused)
	 */
	public boolean tryAcquire(NotificationSession session) {
		long now = nanos();
		Bucket bucket = session.channel().attr(KEY).setIfAbsent(new Bucket(this.burst, now));
		if (bucket == null) {
			bucket = session.channel().attr(KEY).get();
		}
		long regained = (now - bucket.since) / this.refillNanos;
		if (regained > 0) {
			bucket.tokens = (int) Math.min(this.burst, bucket.tokens + regained);
			bucket.since = (bucket.tokens == this.burst) ? now : bucket.since + regained * this.refillNanos;
		}
		if (bucket.tokens == 0) {
			return false;
		}
		if (bucket.tokens == this.burst) {
			// A full bucket starts regaining from the moment it is drawn on.
			bucket.since = now;
		}
		bucket.tokens--;
		return true;
	}

	private long nanos() {
		Instant now = this.clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	private static final class Bucket {

		int tokens;

		long since;

		Bucket(int tokens, long since) {
			this.tokens = tokens;
			this.since = since;
		}

	}

}
