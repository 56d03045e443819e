package org.butterfly.server;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The {@link TokenBucket} arithmetic on a hand-driven clock. */
class TokenBucketTest {

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void aBurstThenTheRate() {
		TokenBucket bucket = new TokenBucket(4, 3, this.nanos::get);
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).as("burst spent").isFalse();
		this.nanos.addAndGet(249_000_000);
		assertThat(bucket.tryTake()).as("a quarter second not yet passed").isFalse();
		this.nanos.addAndGet(1_000_000);
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();
	}

	@Test
	void neverMoreThanTheBurstIsSaved() {
		TokenBucket bucket = new TokenBucket(100, 2, this.nanos::get);
		this.nanos.addAndGet(3_600_000_000_000L);
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(Double.NaN, 1));
	}

}
