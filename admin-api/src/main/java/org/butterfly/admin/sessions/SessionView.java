package org.butterfly.admin.sessions;

import java.time.Instant;

import org.butterfly.cluster.OnlineSession;
import org.butterfly.protocol.vocab.UrlEncoding;

/**
 * A live notification-server session.
 *
 * @param email the account
 * @param friendlyName its friendly name, decoded
 * @param status the MSNP status ({@code FLN} until the client's first {@code CHG})
 * @param dialect the negotiated dialect, e.g. {@code MSNP5}
 * @param node the id of the notification node holding the connection
 * @param since when it signed in
 */
public record SessionView(String email, String friendlyName, String status, String dialect, String node,
		Instant since) {

	static SessionView of(OnlineSession session) {
		return new SessionView(session.account(), UrlEncoding.decode(session.friendlyName()), session.status(),
				session.dialect(), session.node(), session.since());
	}

}
