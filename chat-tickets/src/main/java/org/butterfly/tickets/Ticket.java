package org.butterfly.tickets;

import java.time.Instant;

/**
 * A ticket that verified: what it was issued for. Immutable.
 *
 * @param id the random ticket id, which the single-use check remembers until
 * {@code expiresAt}
 * @param purpose what the ticket allows
 * @param node the switchboard node the ticket was issued for
 * @param handle the user the ticket was issued to, in lower case
 * @param sessionId the switchboard session an {@link TicketPurpose#INVITEE} ticket joins;
 * empty for {@link TicketPurpose#CALLER}
 * @param friendlyName the caller's URL-encoded friendly name, carried so the switchboard
 * needs no database; empty for {@link TicketPurpose#INVITEE}
 * @param expiresAt the first instant at which the ticket is refused
 */
public record Ticket(long id, TicketPurpose purpose, String node, String handle, String sessionId, String friendlyName,
		Instant expiresAt) {

}
