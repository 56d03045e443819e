package org.butterfly.directory.mail;

import java.time.Duration;

/**
 * How often and how late a failed mail is tried again: the delay doubles after each
 * failed attempt, from {@code firstDelay} up to {@code maxDelay}, and the mail is given
 * up after {@code maxAttempts} attempts.
 *
 * @param maxAttempts attempts before giving up, at least 1
 * @param firstDelay the delay after the first failure, positive
 * @param maxDelay the longest delay, at least {@code firstDelay}
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("At least one attempt is needed");
		}
		if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("The delays must be positive and the first not above the longest");
		}
	}

	/**
	 * The delay before the attempt after {@code failedAttempt}.
	 * @param failedAttempt the attempt that failed, from 1
	 * @return the delay
	 */
	public Duration delayAfter(int failedAttempt) {
		int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
		Duration delay = this.firstDelay.multipliedBy(1L << doublings);
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

	/** Whether a mail whose attempt {@code attempt} failed is tried again. */
	public boolean retriesAfter(int attempt) {
		return attempt < this.maxAttempts;
	}

}
