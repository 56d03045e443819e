package org.butterfly.tickets;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Mints switchboard tickets (the {@code CKI} cookies of msnp.md §13.3 and §13.4): the
 * notification server for {@code XFR SB}, the switchboard for the {@code RNG} it asks the
 * notification server to deliver.
 * <p>
 * A ticket is an opaque token without spaces, signed with the first of the
 * {@link TicketKeys}, valid for a fixed lifetime (60 s by default, [POLICY] msnp.md
 * §13.3), bound to the user's handle (case-insensitive), to its purpose, to the
 * switchboard node it was issued for (its advertised {@code host:port}) and, for
 * invitations, to the switchboard session. Nothing is stored: the {@link TicketVerifier}
 * on that node checks the signature and makes the ticket single-use. Thread-safe.
 */
public final class TicketIssuer {

	/** [POLICY] msnp.md §13.3: a cookie expires after about a minute. */
	public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

	private final TicketKeys keys;

	private final Duration lifetime;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	public TicketIssuer(TicketKeys keys) {
		this(keys, DEFAULT_LIFETIME, Clock.systemUTC());
	}

	public TicketIssuer(TicketKeys keys, Duration lifetime, Clock clock) {
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("a ticket lifetime must be positive");
		}
		this.keys = keys;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/**
	 * The cookie of {@code XFR TrID SB host:port CKI cookie}: lets {@code handle} open a
	 * session on {@code node} with {@code USR}, where it appears as {@code friendlyName}.
	 * @param node the switchboard's advertised address, exactly as written into the
	 * {@code XFR}
	 * @param handle the requesting user
	 * @param friendlyName the user's URL-encoded friendly name, as the switchboard will
	 * show it
	 */
	public String issueCaller(String node, String handle, String friendlyName) {
		requireToken("friendly name", friendlyName);
		return TicketFormat.encode(ticket(TicketPurpose.CALLER, node, handle, "", friendlyName), this.keys.signing());
	}

	/**
	 * The cookie of {@code RNG session-id host:port CKI cookie ...}: lets {@code handle}
	 * join session {@code sessionId} on {@code node} with {@code ANS}.
	 */
	public String issueInvitee(String node, String handle, String sessionId) {
		requireToken("session id", sessionId);
		return TicketFormat.encode(ticket(TicketPurpose.INVITEE, node, handle, sessionId, ""), this.keys.signing());
	}

	public Duration lifetime() {
		return this.lifetime;
	}

	private Ticket ticket(TicketPurpose purpose, String node, String handle, String sessionId, String friendlyName) {
		requireToken("node", node);
		requireToken("handle", handle);
		long id = this.random.nextLong() & Long.MAX_VALUE;
		Instant expiry = Instant.ofEpochSecond(this.clock.instant().plus(this.lifetime).getEpochSecond());
		return new Ticket(id, purpose, node, handle.toLowerCase(Locale.ROOT), sessionId, friendlyName, expiry);
	}

	/** Fields are protocol tokens: never empty, never containing whitespace. */
	private static void requireToken(String what, String value) {
		if (value == null || value.isEmpty() || value.chars().anyMatch((c) -> c <= ' ')) {
			throw new IllegalArgumentException("a ticket's " + what + " must be a non-empty token");
		}
	}

}
