package org.butterfly.directory.mail;

/**
 * A mail a sender has claimed: it alone sends it until the lease ends, then reports the
 * outcome with {@link MailOutbox#markSent} or {@link MailOutbox#markFailed}.
 *
 * @param id its id
 * @param attempt which attempt this is (1 for the first); it identifies the claim
 * @param mail what to send
 */
public record ClaimedMail(long id, int attempt, OutgoingMail mail) {
}
