package org.butterfly.notification.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.notices.NoticeDelivery;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.Presence;
import org.butterfly.protocol.command.ClientCommands.Chg;
import org.butterfly.protocol.command.ClientCommands.Ims;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.wire.Frame;

/**
 * {@code CHG} and {@code IMS} (msnp.md §8.2-§8.5). The first {@code CHG} answers with the
 * echo, then the {@code ILN} burst, then the queued {@code NOT}s, in one flush; watchers
 * hear of the change afterwards.
 */
public final class PresenceCommands implements NotificationCommands {

	private final PresenceService presence;

	private final NoticeDelivery notices;

	private final Consumer<NotificationSession> afterFirstChg;

	/**
	 * @param presence the presence service
	 * @param notices the queued {@code NOT}s
	 * @param afterFirstChg what runs once the first {@code CHG} is answered, e.g. the
	 * server's first challenge (msnp.md §12.1)
	 */
	public PresenceCommands(PresenceService presence, NoticeDelivery notices,
			Consumer<NotificationSession> afterFirstChg) {
		this.presence = presence;
		this.notices = notices;
		this.afterFirstChg = afterFirstChg;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Chg.class, this::chg),
				NotificationCommands.handler(Ims.class, this::ims));
	}

	void chg(NotificationSession session, Chg command) {
		Presence before = session.presence();
		Presence after = before.withStatus(command.status());
		this.presence.update(session, after);
		List<Frame> lines = new ArrayList<>();
		lines.add(Replies.chg(command.trId(), command.status()));
		boolean first = !session.firstChgDone();
		if (first) {
			session.firstChgDone(true);
			lines.addAll(this.presence.initialPresence(session, command.trId()));
		}
		session.send(lines);
		// Watchers hear of a change they can see: online to offline, offline to online,
		// or one online status to another. The same status again is an echo only (§8.2).
		boolean seenChange = before.visible() != after.visible()
				|| (after.visible() && before.status() != after.status());
		if (seenChange) {
			this.presence.publish(session);
		}
		if (first) {
			session.send(this.notices.pendingFor(session));
			this.afterFirstChg.accept(session);
		}
	}

	void ims(NotificationSession session, Ims command) {
		session.presence(session.presence().withReachable(command.on()));
		session.send(Replies.ims(command.trId(), command.on()));
	}

}
