package org.butterfly.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.butterfly.tickets.TicketVerdict.Refusal;

/**
 * Checks the tickets presented to one switchboard node ({@code USR} and {@code ANS},
 * msnp.md §14.1); each node has one verifier. A ticket is accepted when, in this order:
 * it has the shape of a ticket; its signature matches one of the {@link TicketKeys} for
 * exactly this purpose, node, handle (case-insensitive) and session; it has not expired;
 * and this verifier has not accepted it before (a {@link ReplayGuard}). A replay at
 * another node fails too, because the ticket names the node it was issued for.
 * Thread-safe.
 */
public final class TicketVerifier {

	/** Default bound of remembered tickets: about 2 MB, far above a node's chat rate. */
	public static final int DEFAULT_REPLAY_CAPACITY = 100_000;

	private final TicketKeys keys;

	private final Clock clock;

	private final ReplayGuard replays;

	public TicketVerifier(TicketKeys keys) {
		this(keys, Clock.systemUTC(), new ReplayGuard(DEFAULT_REPLAY_CAPACITY));
	}

	public TicketVerifier(TicketKeys keys, Clock clock, ReplayGuard replays) {
		this.keys = keys;
		this.clock = clock;
		this.replays = replays;
	}

	/**
	 * Checks the cookie of {@code USR TrID handle cookie}.
	 * @param node this switchboard's advertised address, as the issuers write it
	 */
	public TicketVerdict verifyCaller(String token, String node, String handle) {
		return verify(token, TicketPurpose.CALLER, node, handle, "");
	}

	/**
	 * Checks the cookie of {@code ANS TrID handle cookie session-id}.
	 * @param node this switchboard's advertised address, as the issuers write it
	 */
	public TicketVerdict verifyInvitee(String token, String node, String handle, String sessionId) {
		return verify(token, TicketPurpose.INVITEE, node, handle, sessionId);
	}

	private TicketVerdict verify(String token, TicketPurpose purpose, String node, String handle, String sessionId) {
		TicketFormat.Parts parts = TicketFormat.parse(token, purpose);
		if (parts == null) {
			return TicketVerdict.refused(Refusal.MALFORMED);
		}
		Ticket ticket = new Ticket(parts.id(), purpose, node, handle.toLowerCase(Locale.ROOT), sessionId,
				parts.friendlyName(), Instant.ofEpochSecond(parts.expiry()));
		if (!TicketFormat.signedBy(ticket, parts.mac(), this.keys)) {
			return TicketVerdict.refused(Refusal.BAD_SIGNATURE);
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(ticket.expiresAt())) {
			return TicketVerdict.refused(Refusal.EXPIRED);
		}
		return switch (this.replays.use(ticket.id(), ticket.expiresAt(), now)) {
			case FIRST_USE -> TicketVerdict.accepted(ticket);
			case REPLAYED -> TicketVerdict.refused(Refusal.REPLAYED);
			case FULL -> TicketVerdict.refused(Refusal.TOO_MANY_TICKETS);
		};
	}

}
