package org.butterfly.directory.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.butterfly.directory.internal.Transactions;

/**
 * The mail outbox (docs/adr/0105): mail is queued in the database in the caller's
 * transaction and sent later by any node, so a mail server outage loses nothing.
 * <p>
 * Guarantees: {@link #claimDue} never hands the same mail to two callers while its lease
 * runs, however many nodes claim at once ({@code FOR UPDATE SKIP LOCKED}); a mail whose
 * sender dies before reporting is claimed again when the lease ends, so delivery is at
 * least once and, short of such a crash between sending and {@link #markSent}, exactly
 * once. A report for a claim that is no longer current changes nothing. Thread-safe.
 */
public class MailOutbox {

	private static final int MAX_ERROR_LENGTH = 500;

	private static final String COLUMNS = "id, recipient, reply_to, sender_name, subject, body, state, attempts, "
			+ "created_at, next_attempt_at, sent_at, last_error";

	private final JdbcClient jdbc;

	private final Transactions transactions;

	private final Clock clock;

	public MailOutbox(DataSource dataSource, Transactions transactions, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Queues a mail, due at once. Joins the caller's transaction, if any.
	 * @param mail the mail
	 * @return its id
	 */
	public long enqueue(OutgoingMail mail) {
		Instant now = this.clock.instant();
		return this.transactions.write(() -> this.jdbc.sql("""
				INSERT INTO mail_outbox (recipient, reply_to, sender_name, subject, body, created_at, next_attempt_at)
				VALUES (:recipient, :replyTo, :senderName, :subject, :body, :now, :now) RETURNING id""")
			.param("recipient", mail.recipient())
			.param("replyTo", mail.replyTo())
			.param("senderName", mail.senderName())
			.param("subject", mail.subject())
			.param("body", mail.body())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single());
	}

	/**
	 * Claims up to {@code limit} due mails, oldest first, for {@code lease}: they count
	 * one more attempt and nobody else gets them until the lease ends. Rows another node
	 * is claiming at the same moment are skipped, not waited for.
	 * @param limit the most mails wanted, at least 1
	 * @param lease how long the caller has to send them and report
	 * @return the claimed mails, by id
	 */
	public List<ClaimedMail> claimDue(int limit, Duration lease) {
		if (limit < 1 || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("The limit and the lease must be positive");
		}
		Instant now = this.clock.instant();
		return this.transactions.write(() -> this.jdbc.sql("""
				UPDATE mail_outbox m SET attempts = m.attempts + 1, next_attempt_at = :leaseEnd
				WHERE m.id IN (SELECT id FROM mail_outbox WHERE state = 'QUEUED' AND next_attempt_at <= :now
				               ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING m.id, m.attempts, m.recipient, m.reply_to, m.sender_name, m.subject, m.body""")
			.param("leaseEnd", Timestamp.from(now.plus(lease)))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new ClaimedMail(rs.getLong("id"), rs.getInt("attempts"), mail(rs)))
			.list()
			.stream()
			.sorted(Comparator.comparingLong(ClaimedMail::id))
			.toList());
	}

	/**
	 * Records that a claimed mail was sent.
	 * @param claim the claim
	 * @return {@code false} if the claim is no longer current (its lease ended and
	 * another attempt took it) or the mail is no longer queued
	 */
	public boolean markSent(ClaimedMail claim) {
		Instant now = this.clock.instant();
		return this.transactions.write(() -> this.jdbc.sql("""
				UPDATE mail_outbox SET state = 'SENT', sent_at = :now, last_error = NULL
				WHERE id = :id AND state = 'QUEUED' AND attempts = :attempt""")
			.param("now", Timestamp.from(now))
			.param("id", claim.id())
			.param("attempt", claim.attempt())
			.update() == 1);
	}

	/**
	 * Records that sending a claimed mail failed: it is tried again after the policy's
	 * delay, or given up when the failure is permanent or the attempts are used up.
	 * @param claim the claim
	 * @param error why it failed (shortened to 500 characters)
	 * @param permanent whether trying again cannot help (e.g. the mail cannot be built)
	 * @param policy the retry policy
	 * @return the mail's state now ({@link MailState#QUEUED} for a retry), or empty if
	 * the claim is no longer current
	 */
	public Optional<MailState> markFailed(ClaimedMail claim, String error, boolean permanent, RetryPolicy policy) {
		MailState next = (!permanent && policy.retriesAfter(claim.attempt())) ? MailState.QUEUED : MailState.FAILED;
		Instant retryAt = this.clock.instant().plus(policy.delayAfter(claim.attempt()));
		String reason = (error == null || error.isBlank()) ? "unknown error" : error;
		int updated = this.transactions.write(() -> this.jdbc.sql("""
				UPDATE mail_outbox SET state = :state, next_attempt_at = :retryAt, last_error = :error
				WHERE id = :id AND state = 'QUEUED' AND attempts = :attempt""")
			.param("state", next.name())
			.param("retryAt", Timestamp.from(retryAt))
			.param("error", (reason.length() > MAX_ERROR_LENGTH) ? reason.substring(0, MAX_ERROR_LENGTH) : reason)
			.param("id", claim.id())
			.param("attempt", claim.attempt())
			.update());
		return (updated == 1) ? Optional.of(next) : Optional.empty();
	}

	/**
	 * One mail of the outbox.
	 * @param id its id
	 * @return the mail, or empty if there is none with that id
	 */
	public Optional<QueuedMail> find(long id) {
		return this.transactions.read(() -> this.jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> queued(rs))
			.optional());
	}

	/**
	 * The mails queued for a recipient, oldest first, whatever their state.
	 * @param recipient the {@code To} address, exactly as queued
	 * @return the mails
	 */
	public List<QueuedMail> findByRecipient(String recipient) {
		return this.transactions.read(
				() -> this.jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE recipient = :recipient ORDER BY id")
					.param("recipient", recipient)
					.query((rs, row) -> queued(rs))
					.list());
	}

	private static OutgoingMail mail(ResultSet rs) throws SQLException {
		return new OutgoingMail(rs.getString("recipient"), rs.getString("reply_to"), rs.getString("sender_name"),
				rs.getString("subject"), rs.getString("body"));
	}

	private static QueuedMail queued(ResultSet rs) throws SQLException {
		return new QueuedMail(rs.getLong("id"), mail(rs), MailState.valueOf(rs.getString("state")),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("next_attempt_at").toInstant(),
				Optional.ofNullable(rs.getTimestamp("sent_at")).map(Timestamp::toInstant),
				Optional.ofNullable(rs.getString("last_error")));
	}

}
