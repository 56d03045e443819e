package org.butterfly.directory.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * A mail of the outbox as it stands.
 *
 * @param id its id
 * @param mail what is sent
 * @param state where it is
 * @param attempts how many times it has been claimed for sending
 * @param createdAt when it was queued
 * @param nextAttemptAt when it may be claimed again (while queued)
 * @param sentAt when it was sent
 * @param lastError why the last attempt failed, if it did
 */
public record QueuedMail(long id, OutgoingMail mail, MailState state, int attempts, Instant createdAt,
		Instant nextAttemptAt, Optional<Instant> sentAt, Optional<String> lastError) {
}
