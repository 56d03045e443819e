package org.butterfly.notification.session;

import java.util.Set;

/**
 * The phases of a notification-server connection (msnp.md §20.2) and the verbs each
 * allows. A verb outside its phase closes the connection (§2.8 [POLICY]).
 */
public enum NsState {

	/** Nothing negotiated yet: only {@code VER}. */
	AWAITING_VER(Set.of("VER")),

	/** A dialect is agreed: information commands and the first stage of sign-in. */
	NEGOTIATED(Set.of("INF", "CVR", "USR", "PNG", "OUT")),

	/** The salt was sent: only the answer (or giving up). */
	CHALLENGED(Set.of("USR", "CVR", "PNG", "OUT")),

	/** Signed in. The parser still refuses verbs the dialect does not have. */
	AUTHENTICATED(Set.of("USR", "CVR", "SYN", "LST", "GTC", "BLP", "CHG", "ADD", "REM", "REA", "PRP", "URL", "SND",
			"SDC", "PAG", "QRY", "CHL", "FND", "IMS", "XFR", "LSG", "ADG", "RMG", "REG", "PNG", "OUT"));

	private final Set<String> allowed;

	NsState(Set<String> allowed) {
		this.allowed = allowed;
	}

	public boolean allows(String verb) {
		return this.allowed.contains(verb);
	}

}
