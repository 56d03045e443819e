package org.butterfly.switchboard.room;

import java.time.Duration;

/**
 * The bounds every room lives within ([POLICY], docs/adr/0401).
 *
 * @param maxParticipants people in one room at once, invitees still ringing included
 * @param maxInvitations invitations of one room still ringing at once
 * @param slowConsumerBytes how far a participant may fall behind, in bytes queued for it
 * beyond the low water mark, before it is disconnected ({@code SLOW_CONSUMER})
 * @param invitationLifetime how long an invitation rings: the lifetime of its ticket
 */
public record RoomLimits(int maxParticipants, int maxInvitations, long slowConsumerBytes, Duration invitationLifetime) {

	public RoomLimits {
		if (maxParticipants < 2 || maxInvitations < 1 || slowConsumerBytes < 0 || invitationLifetime.isNegative()
				|| invitationLifetime.isZero()) {
			throw new IllegalArgumentException("room limits out of range: " + maxParticipants + " participants, "
					+ maxInvitations + " invitations, " + slowConsumerBytes + " bytes, " + invitationLifetime);
		}
	}

}
