package org.butterfly.notification.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.privacy.ForwardContact;
import org.butterfly.directory.privacy.VisibilityService;
import org.butterfly.directory.privacy.Watcher;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.Presence;
import org.butterfly.notification.session.SessionRegistry;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.wire.Frame;

/**
 * Presence fan-out (msnp.md §8): who may see whom is the directory's {@code allowedBy},
 * live status is the {@link SessionRegistry}'s. Each change is computed once, on the
 * changing session's executor, and delivered to every online watcher as a
 * {@link ClusterEvent.PresenceChanged}, one batch per node; each watcher's session then
 * decides between {@code NLN}, {@code FLN} and nothing from what its client was last
 * told. Stateless and thread-safe.
 */
public final class PresenceService {

	private final SessionRegistry sessions;

	private final VisibilityService visibility;

	/** Measures nothing until {@link #measureFanOut}: a registry without members. */
	private volatile Timer fanOut = Timer.builder("butterfly.presence.fanout").register(new CompositeMeterRegistry());

	public PresenceService(SessionRegistry sessions, VisibilityService visibility) {
		this.sessions = sessions;
		this.visibility = visibility;
	}

	/**
	 * Changes the session's status or friendly name, here and in the cluster's directory
	 * where other nodes read it; watchers are told by {@link #publish}.
	 */
	public void update(NotificationSession session, Presence changed) {
		session.presence(changed);
		if (this.sessions.isCurrent(session)) {
			this.sessions.changed(session);
		}
	}

	/**
	 * Tells the session's watchers what they may now see of it, after its status or name
	 * changed. A session that lost its account to a newer sign-in tells nobody.
	 */
	public void publish(NotificationSession session) {
		if (this.sessions.isCurrent(session)) {
			announce(session.handle(), session.presence());
		}
	}

	/**
	 * Tells the watchers that {@code handle} went offline: its connection ended or a new
	 * sign-in replaced it (msnp.md §5.4, §8.4).
	 */
	public void publishOffline(String handle) {
		announce(handle, null);
	}

	/**
	 * The connection ended (OUT, TCP close, {@code OUT OTH}): the account is released
	 * and, if it was visible, its watchers see {@code FLN} (msnp.md §8.4). A session
	 * replaced by a newer sign-in releases nothing: the new sign-in already told them.
	 */
	public void signedOut(NotificationSession session) {
		if (session.isAuthenticated() && this.sessions.release(session) && session.presence().visible()) {
			publishOffline(session.handle());
		}
	}

	/**
	 * The {@code ILN} lines of the first {@code CHG}: every contact on the session's FL
	 * that it may see online (msnp.md §8.3). Records them as shown.
	 */
	public List<Frame> initialPresence(NotificationSession session, String trId) {
		List<Frame> lines = new ArrayList<>();
		List<ForwardContact> contacts = this.visibility.contactsOf(session.principal().accountId());
		Map<String, Presence> online = this.sessions
			.presenceOf(contacts.stream().filter(ForwardContact::allowsYou).map(ForwardContact::handle).toList());
		for (ForwardContact contact : contacts) {
			Presence presence = online.get(contact.handle());
			if (contact.allowsYou() && presence != null && presence.visible()) {
				session.shownOnline().put(contact.handle(), presence);
				lines.add(Replies.iln(trId, presence.status(), contact.handle(), presence.friendlyName()));
			}
		}
		return lines;
	}

	/**
	 * The {@code ILN} after {@code ADD FL} of a contact that allows the session, when the
	 * contact is online and the session past its first {@code CHG} (msnp.md §9.1).
	 */
	public Optional<Frame> presenceOfNewContact(NotificationSession session, String trId, String contact,
			boolean allowsYou) {
		if (!allowsYou || !session.firstChgDone()) {
			return Optional.empty();
		}
		return visiblePresence(contact).map((presence) -> {
			session.shownOnline().put(contact, presence);
			return Replies.iln(trId, presence.status(), contact, presence.friendlyName());
		});
	}

	/**
	 * Re-evaluates everything the session's client shows of its contacts, after events
	 * may have been lost (the bus reconnected): {@code NLN} or {@code FLN} for each
	 * contact whose visible presence differs from what the client was last told (msnp.md
	 * §8.4). Call on the session's executor.
	 */
	public void resync(NotificationSession session) {
		if (!session.firstChgDone() || !this.sessions.isCurrent(session)) {
			return;
		}
		List<ForwardContact> contacts = this.visibility.contactsOf(session.principal().accountId());
		Map<String, Presence> online = this.sessions
			.presenceOf(contacts.stream().filter(ForwardContact::allowsYou).map(ForwardContact::handle).toList());
		Map<String, Presence> shown = session.shownOnline();
		List<Frame> lines = new ArrayList<>();
		for (ForwardContact contact : contacts) {
			Presence now = contact.allowsYou() ? online.get(contact.handle()) : null;
			Presence before = shown.get(contact.handle());
			if (now != null && now.visible()) {
				Presence seen = new Presence(now.status(), now.friendlyName(), true);
				if (!seen.equals(before)) {
					shown.put(contact.handle(), seen);
					lines.add(Replies.nln(seen.status(), contact.handle(), seen.friendlyName()));
				}
			}
			else if (before != null) {
				shown.remove(contact.handle());
				lines.add(Replies.fln(contact.handle()));
			}
		}
		if (!lines.isEmpty()) {
			session.send(lines);
		}
	}

	/**
	 * Re-evaluates one watcher after {@code allowedBy(owner, watcher)} or the owner's
	 * name changed (msnp.md §8.4).
	 */
	public void recheck(ListEffect.PresenceCheck check) {
		Optional<Presence> owner = check.allowed() ? visiblePresence(check.owner()) : Optional.empty();
		this.sessions.deliver(changed(check.account(), check.owner(), owner.orElse(null)));
	}

	/**
	 * Times every fan-out from now on: finding the watchers, handing the events to this
	 * node's sessions and publishing one batch per other node.
	 */
	public void measureFanOut(Timer timer) {
		this.fanOut = timer;
	}

	private void announce(String handle, Presence presence) {
		this.fanOut.record(() -> {
			boolean visible = presence != null && presence.visible();
			List<ClusterEvent.PresenceChanged> events = new ArrayList<>();
			for (Watcher watcher : this.visibility.watchersOf(handle)) {
				events.add(changed(watcher.handle(), handle, (visible && watcher.allowed()) ? presence : null));
			}
			this.sessions.deliver(events);
		});
	}

	private Optional<Presence> visiblePresence(String handle) {
		return this.sessions.presenceOf(handle).filter(Presence::visible);
	}

	private static ClusterEvent.PresenceChanged changed(String watcher, String owner, Presence seen) {
		return (seen != null)
				? new ClusterEvent.PresenceChanged(watcher, owner, seen.status().name(), seen.friendlyName())
				: new ClusterEvent.PresenceChanged(watcher, owner, null, null);
	}

}
