package org.butterfly.notification.pipeline;

import java.sql.SQLException;

import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.dispatch.CommandFailures;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.wire.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * A command that failed on the server's side (msnp.md §15, docs/adr/0309): when the
 * database failed (it restarts, the pool is exhausted) a signed-in session is answered
 * {@code 501 TrID} and stays, so the client can try again once the database is back;
 * nothing was changed, since every change is one transaction. During sign-in, or for any
 * other failure, the client gets {@code 500 TrID} (when the command had a TrID) and the
 * connection closes: the session's state is no longer known.
 */
public final class NotificationFailures implements CommandFailures<NotificationSession> {

	private static final Logger logger = LoggerFactory.getLogger(NotificationFailures.class);

	private final Disconnector disconnector;

	public NotificationFailures(Disconnector disconnector) {
		this.disconnector = disconnector;
	}

	@Override
	public void failed(NotificationSession session, Frame frame, RuntimeException failure) {
		String trId = CommandFailures.trIdOf(frame);
		if (isDatabase(failure) && session.isAuthenticated() && trId != null) {
			logger.warn("{} of {} failed in the database, answered 501: {}", frame.verb(), session, failure.toString());
			session.send(Replies.error(ErrorCode.DATABASE_ERROR, trId));
			return;
		}
		logger.error("{} of {} failed, answered 500 and closed", frame.verb(), session, failure);
		CloseReason reason = CloseReason.of(CloseReason.Kind.IO_ERROR,
				frame.verb() + " failed: " + failure.getClass().getSimpleName());
		if (trId != null) {
			this.disconnector.close(session.channel(), reason, Replies.error(ErrorCode.INTERNAL_ERROR, trId));
		}
		else {
			this.disconnector.close(session.channel(), reason);
		}
	}

	private static boolean isDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof TransactionException
					|| cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

}
