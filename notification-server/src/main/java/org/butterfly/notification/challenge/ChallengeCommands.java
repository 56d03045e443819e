package org.butterfly.notification.challenge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.butterfly.notification.auth.Salts;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Chl;
import org.butterfly.protocol.command.ClientCommands.Qry;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.Challenges;
import org.butterfly.protocol.vocab.ErrorCode;

/**
 * The client challenge {@code CHL}/{@code QRY} (MSNP6+, msnp.md §12.1, docs/adr/0308).
 * <p>
 * A client may ask for a challenge ({@code CHL TrID}, answered {@code CHL TrID
 * challenge}). When enabled, the server also challenges on its own with TrID 0 at the
 * moments the original service did: right after the first {@code CHG} (after its
 * {@code ILN} burst and queued {@code NOT}s), then again every {@code interval} after a
 * right answer. A {@code QRY} is checked against every known product id and key of the
 * era ({@link Challenges}); a wrong answer or an unknown product id is {@code 540 TrID}
 * and a close, no answer within {@code timeout} is {@code OUT} and a close, and a
 * {@code QRY} without a pending challenge closes. MSNP2-5 sessions are never challenged
 * (the parser closes their {@code CHL}/{@code QRY}).
 */
public final class ChallengeCommands implements NotificationCommands {

	private final Salts salts;

	private final Refusals refusals;

	private final Disconnector disconnector;

	private final Settings settings;

	/**
	 * When the server challenges on its own.
	 *
	 * @param enabled whether it does at all (default off, §12.1 POLICY)
	 * @param interval how long after a right answer the next challenge comes; zero for
	 * none
	 * @param timeout how long a client has to answer a server challenge
	 */
	public record Settings(boolean enabled, Duration interval, Duration timeout) {

		public Settings {
			if (interval.isNegative() || timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("The challenge interval must be >= 0 and the timeout positive");
			}
		}

	}

	public ChallengeCommands(Salts salts, Refusals refusals, Disconnector disconnector, Settings settings) {
		this.salts = salts;
		this.refusals = refusals;
		this.disconnector = disconnector;
		this.settings = settings;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Chl.class, this::chl),
				NotificationCommands.handler(Qry.class, this::qry));
	}

	void chl(NotificationSession session, Chl command) {
		String challenge = this.salts.challenge();
		session.pendingChallenge(challenge);
		session.send(Replies.chl(command.trId(), challenge));
	}

	void qry(NotificationSession session, Qry command) {
		String challenge = session.pendingChallenge();
		if (challenge == null) {
			this.refusals.close(session, "QRY without a challenge");
			return;
		}
		session.pendingChallenge(null);
		String response = new String(command.response(), StandardCharsets.US_ASCII);
		if (!Challenges.verify(command.productId(), challenge, response)) {
			this.refusals.refuseAndClose(session, ErrorCode.CHALLENGE_FAILED, command.trId(), CloseReason.Kind.REFUSED);
			return;
		}
		session.send(Replies.qry(command.trId()));
		if (this.settings.enabled() && !this.settings.interval().isZero()) {
			schedule(session, this.settings.interval());
		}
	}

	/**
	 * The first {@code CHG} of a session was answered: the moment the original service
	 * sent its first challenge. Runs on the session's executor.
	 * @param session the session
	 */
	public void afterFirstChg(NotificationSession session) {
		if (this.settings.enabled() && session.dialect().hasChallenges()) {
			challenge(session);
		}
	}

	private void schedule(NotificationSession session, Duration delay) {
		session.executor().schedule(() -> challenge(session), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Sends {@code CHL 0 challenge} unless a challenge is already pending, and closes the
	 * connection if it is still unanswered after the timeout.
	 */
	private void challenge(NotificationSession session) {
		if (!session.channel().isActive() || Disconnector.isClosing(session.channel())
				|| session.pendingChallenge() != null) {
			return;
		}
		String challenge = this.salts.challenge();
		session.pendingChallenge(challenge);
		session.send(Replies.chl("0", challenge));
		session.executor().schedule(() -> {
			if (challenge.equals(session.pendingChallenge()) && session.channel().isActive()) {
				this.disconnector.close(session.channel(),
						CloseReason.of(CloseReason.Kind.REFUSED, "challenge not answered"), Replies.OUT);
			}
		}, this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
	}

}
