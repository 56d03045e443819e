package org.butterfly.notification.command;

import org.butterfly.directory.contacts.ListException;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;

/**
 * The one place that turns a refused command into what the client sees (msnp.md §2.8,
 * §15): an error reply echoing the TrID, or a close without a reply for the cases the
 * spec closes on. Stateless and thread-safe.
 */
public final class Refusals {

	private final Disconnector disconnector;

	public Refusals(Disconnector disconnector) {
		this.disconnector = disconnector;
	}

	/** Answers a refusal of the directory with its code, or closes for a violation. */
	public void refuse(NotificationSession session, String trId, ListException refusal) {
		if (refusal.error().closesConnection()) {
			close(session, refusal.getMessage());
		}
		else {
			session.send(Replies.error(ErrorCode.of(refusal.error().code()), trId));
		}
	}

	/** Closes without a reply: a command the spec answers by hanging up. */
	public void close(NotificationSession session, String why) {
		this.disconnector.close(session.channel(), CloseReason.of(CloseReason.Kind.PROTOCOL_VIOLATION, why));
	}

	/** Sends {@code NNN TrID} and closes, e.g. {@code 911} after a failed sign-in. */
	public void refuseAndClose(NotificationSession session, ErrorCode error, String trId, CloseReason.Kind kind) {
		this.disconnector.close(session.channel(), CloseReason.of(kind, error + " for " + trId),
				Replies.error(error, trId));
	}

}
