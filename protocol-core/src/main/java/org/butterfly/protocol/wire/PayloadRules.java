package org.butterfly.protocol.wire;

import java.util.Set;

/**
 * Which verbs carry a byte-counted payload, for one direction on one server role (msnp.md
 * §2.4).
 * <p>
 * The decoder frames by role alone, not by dialect: pipelined commands can reach the
 * decoder before the {@code VER} that sets the dialect has been processed. A payload verb
 * that the negotiated dialect does not know is refused by the command parser, which
 * closes the connection (docs/adr/0004).
 */
public record PayloadRules(Set<String> verbs) {

	/** Client to dispatch server: no payload commands. */
	public static final PayloadRules DISPATCH_INBOUND = new PayloadRules(Set.of());

	/**
	 * Client to notification server: {@code SDC}, {@code PAG} (MSNP5+), {@code QRY}
	 * (MSNP6+).
	 */
	public static final PayloadRules NOTIFICATION_INBOUND = new PayloadRules(Set.of("SDC", "PAG", "QRY"));

	/** Client to switchboard: {@code MSG}. */
	public static final PayloadRules SWITCHBOARD_INBOUND = new PayloadRules(Set.of("MSG"));

	/**
	 * Any server to a client: {@code MSG}, {@code NOT} (MSNP5+), {@code IPG} (MSNP6+).
	 */
	public static final PayloadRules CLIENT_INBOUND = new PayloadRules(Set.of("MSG", "NOT", "IPG"));

	public PayloadRules {
		verbs = Set.copyOf(verbs);
	}

	public boolean carriesPayload(String verb) {
		return this.verbs.contains(verb);
	}

}
