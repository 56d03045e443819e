package org.butterfly.notification.invitations;

import java.util.List;

import org.butterfly.directory.WireText;
import org.butterfly.directory.mail.MailOutbox;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.services.MemberSearchCommands;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Sdc;
import org.butterfly.protocol.command.ClientCommands.Snd;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * {@code SDC} (MSNP5+) and {@code SND} (every dialect, in its dialect's form): the e-mail
 * invitation (msnp.md §11.3, §11.4, docs/adr/0304, 0305).
 * <p>
 * Order: parameters are checked (bad ones: {@code 503} and close), the session's
 * invitation limit is taken ({@code 800} when spent), the localised mail is queued in the
 * database, and only then is the command answered {@code OK}; the node's
 * {@link OutboxMailer} sends it. A database failure answers {@code 501}. The parser
 * already closes on {@code SDC} below MSNP5, on an {@code SDC} without the two {@code X}
 * or with a wrong count, and answers {@code 503} and closes an {@code SND} with more than
 * four parameters.
 */
public final class InvitationCommands implements NotificationCommands {

	private static final Logger logger = LoggerFactory.getLogger(InvitationCommands.class);

	private final MailOutbox outbox;

	private final InvitationTemplates templates;

	private final InvitationLimiter limiter;

	private final Refusals refusals;

	private final Runnable queued;

	/**
	 * @param outbox where the mails are queued
	 * @param templates the localised mails
	 * @param limiter the per-session limit
	 * @param refusals how refusals reach the client
	 * @param queued told after each queued mail (wakes this node's sender)
	 */
	public InvitationCommands(MailOutbox outbox, InvitationTemplates templates, InvitationLimiter limiter,
			Refusals refusals, Runnable queued) {
		this.outbox = outbox;
		this.templates = templates;
		this.limiter = limiter;
		this.refusals = refusals;
		this.queued = queued;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Snd.class, this::snd),
				NotificationCommands.handler(Sdc.class, this::sdc));
	}

	/**
	 * {@code SND TrID address} (MSNP2), {@code + lcid library} (MSNP3),
	 * {@code + client-id} (MSNP4-7): exactly the form of the session's dialect. The name
	 * is the session's friendly name; MSNP2 has no LCID, so its mail is in English.
	 */
	void snd(NotificationSession session, Snd command) {
		invite(session, "SND", command.trId(), () -> {
			List<String> details = command.details();
			int expected = session.dialect().atLeast(Dialect.MSNP4) ? 3
					: session.dialect().atLeast(Dialect.MSNP3) ? 2 : 0;
			if (details.size() != expected) {
				throw new InvalidInvitation("SND in " + session.dialect() + " takes " + (expected + 1) + " parameters");
			}
			int lcid = (expected == 0) ? Invitation.ENGLISH : InvitationRules.lcid(details.get(0));
			if (expected > 0) {
				InvitationRules.library(details.get(1), (expected == 3) ? details.get(2) : null);
			}
			String name = InvitationRules.friendlyName(session.presence().friendlyName());
			return new Invitation(session.handle(), name, invitee(session, command.address()), lcid, "");
		});
	}

	/** {@code SDC TrID target lcid library client-id X X friendly-name N} + text. */
	void sdc(NotificationSession session, Sdc command) {
		invite(session, "SDC", command.trId(), () -> {
			int lcid = InvitationRules.lcid(command.lcid());
			InvitationRules.library(command.library(), command.clientId());
			String name = InvitationRules.friendlyName(command.friendlyName());
			String message = InvitationRules.message(command.message());
			return new Invitation(session.handle(), name, invitee(session, command.target()), lcid, message);
		});
	}

	private void invite(NotificationSession session, String verb, String trId, Checks checks) {
		Invitation invitation;
		try {
			invitation = checks.invitation();
		}
		catch (InvalidInvitation ex) {
			logger.debug("{} {} {} refused: {}", session, verb, trId, ex.getMessage());
			this.refusals.refuseAndClose(session, ErrorCode.UNSPECIFIED_FAILURE, trId,
					CloseReason.Kind.PROTOCOL_VIOLATION);
			return;
		}
		if (!this.limiter.tryAcquire(session)) {
			session.send(Replies.error(ErrorCode.RATE_LIMITED, trId));
			return;
		}
		try {
			long id = this.outbox.enqueue(this.templates.render(invitation));
			logger.info("{} invited an address by e-mail ({} {}, mail {}, {} characters of text)", session.handle(),
					verb, trId, id, invitation.message().length());
		}
		catch (DataAccessException ex) {
			logger.warn("Cannot queue the invitation mail of {} {} {}", session.handle(), verb, trId, ex);
			session.send(Replies.error(ErrorCode.DATABASE_ERROR, trId));
			return;
		}
		session.send(Replies.ok(verb, trId));
		this.queued.run();
	}

	/** An address, or the index of a result of the session's last {@code FND}. */
	private static String invitee(NotificationSession session, String target) {
		if (InvitationRules.isIndex(target)) {
			return MemberSearchCommands.lastResult(session, Integer.parseInt(target))
				.map(WireText::normalizeHandle)
				.orElseThrow(() -> new InvalidInvitation("no search result " + target));
		}
		return InvitationRules.address(target);
	}

	@FunctionalInterface
	private interface Checks {

		Invitation invitation();

	}

}
