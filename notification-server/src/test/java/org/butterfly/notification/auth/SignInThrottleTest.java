package org.butterfly.notification.auth;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockout arithmetic of {@link SignInThrottle} on a hand-driven clock (ADR 0310). */
class SignInThrottleTest {

	private final AtomicLong now = new AtomicLong();

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInThrottle.Settings(3, 10, Duration.ofSeconds(2), Duration.ofMinutes(15)), this.now::get);

	private final InetSocketAddress attacker = new InetSocketAddress("192.0.2.1", 1000);

	private final InetSocketAddress owner = new InetSocketAddress("198.51.100.7", 1000);

	@Test
	void lockoutsDoubleAndAreCapped() {
		assertThat(this.throttle.lockout(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.throttle.lockout(2)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.throttle.lockout(9)).isEqualTo(Duration.ofSeconds(512));
		assertThat(this.throttle.lockout(10)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.throttle.lockout(1000)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void theFreeFailuresPassThenEachFailureLocksLonger() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.allows("a@example.com", this.attacker)).isTrue();
			this.throttle.failed("a@example.com", this.attacker);
		}
		assertThat(this.throttle.allows("a@example.com", this.attacker)).isFalse();
		assertThat(this.throttle.allows("a@example.com", this.owner)).as("another address").isTrue();
		assertThat(this.throttle.allows("b@example.com", this.attacker)).as("another account").isTrue();
		advance(Duration.ofSeconds(2));
		assertThat(this.throttle.allows("a@example.com", this.attacker)).isTrue();
		this.throttle.failed("a@example.com", this.attacker);
		advance(Duration.ofMillis(3999));
		assertThat(this.throttle.allows("a@example.com", this.attacker)).as("4 s after the fourth").isFalse();
		advance(Duration.ofMillis(1));
		assertThat(this.throttle.allows("a@example.com", this.attacker)).isTrue();
	}

	@Test
	void failuresAreForgottenAfterTheLongestLockout() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("a@example.com", this.attacker);
		}
		advance(Duration.ofMinutes(15));
		this.throttle.failed("a@example.com", this.attacker);
		assertThat(this.throttle.allows("a@example.com", this.attacker)).as("counted from one again").isTrue();
	}

	@Test
	void aSuccessClearsTheAccountButNotTheAddress() {
		for (int i = 0; i < 9; i++) {
			this.throttle.failed("victim" + i + "@example.com", this.attacker);
		}
		this.throttle.succeeded("mine@example.com", this.attacker);
		this.throttle.failed("victim9@example.com", this.attacker);
		assertThat(this.throttle.allows("mine@example.com", this.attacker)).as("the address is locked").isFalse();
		assertThat(this.throttle.allows("mine@example.com", this.owner)).isTrue();
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
