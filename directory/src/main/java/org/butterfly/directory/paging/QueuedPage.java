package org.butterfly.directory.paging;

import java.time.Instant;
import java.util.Optional;

/**
 * A page in the outbox (msnp.md 11.5).
 *
 * @param id the page id
 * @param senderId the sender's account id
 * @param targetId the target's account id
 * @param mobileNumber the target's {@code PHM} when the page was accepted, or
 * {@code null}
 * @param callbackNumber the call-back number the sender gave (digits), or {@code null}
 * @param message the text, plain
 * @param state pending or sent
 * @param createdAt when it was accepted
 * @param sentAt when an SMS gateway took it, if one did
 */
public record QueuedPage(long id, long senderId, long targetId, String mobileNumber, String callbackNumber,
		String message, PageState state, Instant createdAt, Optional<Instant> sentAt) {
}
