package org.butterfly.directory.notification;

import java.time.Instant;
import java.util.Optional;

/**
 * A queued {@code NOT} document (msnp.md 11.6).
 *
 * @param id the notification id
 * @param account the target account's handle
 * @param payload the {@code <NOTIFICATION>} document
 * @param state pending, delivered or expired
 * @param createdAt when it was queued
 * @param expiresAt when it stops being delivered
 * @param deliveredAt when it was delivered, if it was
 */
public record QueuedNotification(long id, String account, String payload, NotificationState state, Instant createdAt,
		Instant expiresAt, Optional<Instant> deliveredAt) {
}
