package org.butterfly.tickets;

import java.util.Objects;

/**
 * What {@link TicketVerifier} made of a token: the ticket, or why it was refused.
 *
 * @param ticket the verified ticket, or null when refused
 * @param refusal why the token was refused, or null when accepted
 */
public record TicketVerdict(Ticket ticket, Refusal refusal) {

	/**
	 * Why a token was refused. The switchboard answers all of them alike ({@code 911}).
	 */
	public enum Refusal {

		/** Not a ticket at all: wrong shape, bad numbers, too long. */
		MALFORMED,
		/**
		 * The signature does not match: forged, altered, signed with an unknown key, or
		 * issued for another user, purpose, session or node (all of these are signed).
		 */
		BAD_SIGNATURE,
		/** Genuine, but its lifetime is over. */
		EXPIRED,
		/** Genuine, but already used on this node. */
		REPLAYED,
		/**
		 * Genuine, but this node remembers too many unexpired tickets to accept another
		 * one safely.
		 */
		TOO_MANY_TICKETS

	}

	public TicketVerdict {
		if ((ticket == null) == (refusal == null)) {
			throw new IllegalArgumentException("a verdict has either a ticket or a refusal");
		}
	}

	static TicketVerdict accepted(Ticket ticket) {
		return new TicketVerdict(Objects.requireNonNull(ticket), null);
	}

	static TicketVerdict refused(Refusal refusal) {
		return new TicketVerdict(null, Objects.requireNonNull(refusal));
	}

	public boolean accepted() {
		return this.ticket != null;
	}

}
