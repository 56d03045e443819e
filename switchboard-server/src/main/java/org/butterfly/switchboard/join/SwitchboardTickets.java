package org.butterfly.switchboard.join;

import java.util.function.Supplier;

import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketVerdict;
import org.butterfly.tickets.TicketVerifier;

/**
 * This node's side of the switchboard tickets: it verifies the {@code USR}/{@code ANS}
 * cookies issued for this node and mints the {@code INVITEE} tickets its {@code CAL}s
 * send out. The node is named by its advertised address, which is known once the listener
 * is bound. Thread-safe.
 */
public final class SwitchboardTickets {

	private final TicketIssuer issuer;

	private final TicketVerifier verifier;

	private final Supplier<String> node;

	/**
	 * @param node this switchboard's advertised {@code host:port}, as written into
	 * {@code XFR} and {@code RNG}
	 */
	public SwitchboardTickets(TicketIssuer issuer, TicketVerifier verifier, Supplier<String> node) {
		this.issuer = issuer;
		this.verifier = verifier;
		this.node = node;
	}

	public TicketVerdict verifyCaller(String cookie, String handle) {
		return this.verifier.verifyCaller(cookie, this.node.get(), handle);
	}

	public TicketVerdict verifyInvitee(String cookie, String handle, String sessionId) {
		return this.verifier.verifyInvitee(cookie, this.node.get(), handle, sessionId);
	}

	/** A fresh ticket for {@code handle} to join session {@code sessionId} here. */
	public String inviteeTicket(String handle, String sessionId) {
		return this.issuer.issueInvitee(this.node.get(), handle, sessionId);
	}

	/** This node's advertised address. */
	public String node() {
		return this.node.get();
	}

}
