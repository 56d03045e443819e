package org.butterfly.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.butterfly.tickets.TicketVerdict.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TicketsTest {

	static final String KEY = "a-test-secret-that-is-long-enough-0123456789";

	static final String OTHER_KEY = "another-test-secret-that-is-long-enough-9876";

	static final String NODE = "127.0.0.1:1865";

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));

	final TicketIssuer issuer = new TicketIssuer(TicketKeys.of(KEY), Duration.ofSeconds(60), this.clock);

	final TicketVerifier verifier = verifier(TicketKeys.of(KEY));

	@Test
	void aCallerTicketVerifiesOnceForItsHandleAndCarriesTheFriendlyName() {
		String token = this.issuer.issueCaller(NODE, "alice@example.test", "Alice%20A.");

		TicketVerdict verdict = this.verifier.verifyCaller(token, NODE, "Alice@Example.TEST");

		assertThat(token).doesNotContainAnyWhitespaces().matches("\\d+\\.\\d+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		assertThat(verdict.accepted()).isTrue();
		assertThat(verdict.ticket().handle()).isEqualTo("alice@example.test");
		assertThat(verdict.ticket().friendlyName()).isEqualTo("Alice%20A.");
		assertThat(verdict.ticket().purpose()).isEqualTo(TicketPurpose.CALLER);
	}

	@Test
	void anInviteeTicketVerifiesForItsSession() {
		String token = this.issuer.issueInvitee(NODE, "bob@example.test", "11752013");

		TicketVerdict verdict = this.verifier.verifyInvitee(token, NODE, "bob@example.test", "11752013");

		assertThat(token).matches("\\d+\\.\\d+\\.[A-Za-z0-9_-]+");
		assertThat(verdict.accepted()).isTrue();
		assertThat(verdict.ticket().sessionId()).isEqualTo("11752013");
	}

	@Test
	void anExpiredTicketIsRefused() {
		String token = this.issuer.issueCaller(NODE, "alice@example.test", "Alice");
		this.clock.advance(Duration.ofSeconds(60));

		assertThat(this.verifier.verifyCaller(token, NODE, "alice@example.test").refusal()).isEqualTo(Refusal.EXPIRED);
	}

	@Test
	void aTicketIsValidJustBeforeItExpires() {
		String token = this.issuer.issueCaller(NODE, "alice@example.test", "Alice");
		this.clock.advance(Duration.ofSeconds(59));

		assertThat(this.verifier.verifyCaller(token, NODE, "alice@example.test").accepted()).isTrue();
	}

	@Test
	void everyFlippedBitIsRefused() {
		String token = this.issuer.issueCaller(NODE, "alice@example.test", "Alice");
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == '.') {
				continue;
			}
			String forged = token.substring(0, i) + flip(c) + token.substring(i + 1);
			TicketVerdict verdict = this.verifier.verifyCaller(forged, NODE, "alice@example.test");
			assertThat(verdict.accepted()).as("flipped at %d: %s", i, forged).isFalse();
		}
		assertThat(this.verifier.verifyCaller(token, NODE, "alice@example.test").accepted()).isTrue();
	}

	@Test
	void aTicketCarryingAnotherNameIsRefused() {
		String token = this.issuer.issueCaller(NODE, "alice@example.test", "Alice");
		String[] parts = token.split("\\.");
		parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString("Admin".getBytes());

		assertThat(this.verifier.verifyCaller(String.join(".", parts), NODE, "alice@example.test").refusal())
			.isEqualTo(Refusal.BAD_SIGNATURE);
	}

	@Test
	void aTicketSignedWithAnUnknownKeyIsRefused() {
		TicketIssuer stranger = new TicketIssuer(TicketKeys.of(OTHER_KEY), Duration.ofSeconds(60), this.clock);

		String token = stranger.issueCaller(NODE, "alice@example.test", "Alice");

		assertThat(this.verifier.verifyCaller(token, NODE, "alice@example.test").refusal())
			.isEqualTo(Refusal.BAD_SIGNATURE);
	}

	@Test
	void rotationAcceptsEveryListedKeyAndSignsWithTheFirst() {
		TicketVerifier rotated = verifier(TicketKeys.of(OTHER_KEY, KEY));
		TicketIssuer rotatedIssuer = new TicketIssuer(TicketKeys.of(OTHER_KEY, KEY), Duration.ofSeconds(60),
				this.clock);

		assertThat(rotated.verifyCaller(this.issuer.issueCaller(NODE, "a@b.c", "A"), NODE, "a@b.c").accepted())
			.isTrue();
		String newToken = rotatedIssuer.issueCaller(NODE, "a@b.c", "A");
		assertThat(rotated.verifyCaller(newToken, NODE, "a@b.c").accepted()).isTrue();
		assertThat(this.verifier.verifyCaller(newToken, NODE, "a@b.c").refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
	}

	@Test
	void aTicketIsSingleUse() {
		String token = this.issuer.issueInvitee(NODE, "bob@example.test", "7");

		assertThat(this.verifier.verifyInvitee(token, NODE, "bob@example.test", "7").accepted()).isTrue();
		assertThat(this.verifier.verifyInvitee(token, NODE, "bob@example.test", "7").refusal())
			.isEqualTo(Refusal.REPLAYED);
	}

	@Test
	void aTicketForAnotherHandleIsRefused() {
		String token = this.issuer.issueCaller(NODE, "alice@example.test", "Alice");

		assertThat(this.verifier.verifyCaller(token, NODE, "mallory@example.test").refusal())
			.isEqualTo(Refusal.BAD_SIGNATURE);
	}

	@Test
	void anInvitationToAnotherSessionIsRefused() {
		String token = this.issuer.issueInvitee(NODE, "bob@example.test", "7");

		assertThat(this.verifier.verifyInvitee(token, NODE, "bob@example.test", "8").refusal())
			.isEqualTo(Refusal.BAD_SIGNATURE);
	}

	@Test
	void aTicketIssuedForAnotherNodeIsRefused() {
		String token = this.issuer.issueCaller("127.0.0.2:1865", "alice@example.test", "Alice");

		assertThat(this.verifier.verifyCaller(token, NODE, "alice@example.test").refusal())
			.isEqualTo(Refusal.BAD_SIGNATURE);
		assertThat(verifier(TicketKeys.of(KEY)).verifyCaller(token, "127.0.0.2:1865", "alice@example.test").accepted())
			.isTrue();
	}

	@Test
	void aTicketIsValidForItsPurposeOnly() {
		String invitee = this.issuer.issueInvitee(NODE, "bob@example.test", "7");
		String caller = this.issuer.issueCaller(NODE, "bob@example.test", "Bob");

		assertThat(this.verifier.verifyCaller(invitee, NODE, "bob@example.test").accepted()).isFalse();
		assertThat(this.verifier.verifyInvitee(caller, NODE, "bob@example.test", "7").accepted()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "x", "1050827118.4821.112", "...", "1.2.3.4.5", "-1.2.3.4",
			"1.2.%%%.AAAAAAAAAAAAAAAAAAAAAA", "99999999999999999999.1.QQ.AAAAAAAAAAAAAAAAAAAAAA", "1.2.QQ.AAAA",
			"1.2.QQ.AAAAAAAAAAAAAAAAAAAAAA==", "1 2.QQ.AAAAAAAAAAAAAAAAAAAAAA", "1.2..AAAAAAAAAAAAAAAAAAAAAA" })
	void garbageIsMalformed(String token) {
		assertThat(this.verifier.verifyCaller(token, NODE, "alice@example.test").refusal())
			.isEqualTo(Refusal.MALFORMED);
	}

	@Test
	void aHugeTokenIsMalformed() {
		assertThat(this.verifier.verifyCaller("1".repeat(5000), NODE, "a@b.c").refusal()).isEqualTo(Refusal.MALFORMED);
	}

	@Test
	void theReplayGuardForgetsExpiredIdsAndRefusesWhenFull() {
		ReplayGuard guard = new ReplayGuard(2);
		Instant now = Instant.parse("2026-11-22T01:00:00Z");

		assertThat(guard.use(1, now.plusSeconds(10), now)).isEqualTo(ReplayGuard.Result.FIRST_USE);
		assertThat(guard.use(2, now.plusSeconds(20), now)).isEqualTo(ReplayGuard.Result.FIRST_USE);
		assertThat(guard.use(3, now.plusSeconds(20), now)).isEqualTo(ReplayGuard.Result.FULL);
		assertThat(guard.use(1, now.plusSeconds(10), now.plusSeconds(5))).isEqualTo(ReplayGuard.Result.REPLAYED);
		assertThat(guard.use(3, now.plusSeconds(30), now.plusSeconds(10))).isEqualTo(ReplayGuard.Result.FIRST_USE);
		assertThat(guard.size()).isEqualTo(2);
		assertThat(guard.use(4, now.plusSeconds(40), now.plusSeconds(30))).isEqualTo(ReplayGuard.Result.FIRST_USE);
		assertThat(guard.size()).isEqualTo(1);
	}

	@Test
	void aFullReplayGuardRefusesGenuineTickets() {
		TicketVerifier small = new TicketVerifier(TicketKeys.of(KEY), this.clock, new ReplayGuard(1));
		small.verifyCaller(this.issuer.issueCaller(NODE, "a@b.c", "A"), NODE, "a@b.c");

		assertThat(small.verifyCaller(this.issuer.issueCaller(NODE, "a@b.c", "A"), NODE, "a@b.c").refusal())
			.isEqualTo(Refusal.TOO_MANY_TICKETS);
	}

	@Test
	void shortKeysAndBadFieldsAreRefusedAtIssue() {
		assertThatIllegalArgumentException().isThrownBy(() -> TicketKeys.of("short"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.issuer.issueCaller(NODE, "a@b.c", "two words"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.issuer.issueInvitee(NODE, "a@b.c", ""));
		assertThat(TicketKeys.of(KEY).toString()).doesNotContain(KEY);
	}

	private TicketVerifier verifier(TicketKeys keys) {
		return new TicketVerifier(keys, this.clock, new ReplayGuard(1000));
	}

	private static char flip(char c) {
		char flipped = (char) (c ^ 1);
		if (Character.isLetterOrDigit(flipped) || flipped == '-' || flipped == '_') {
			return flipped;
		}
		return (c == 'A') ? 'B' : 'A';
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
