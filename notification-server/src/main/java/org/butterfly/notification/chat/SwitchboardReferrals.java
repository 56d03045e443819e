package org.butterfly.notification.chat;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.Presence;
import org.butterfly.protocol.command.ClientCommands.Xfr;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.tickets.TicketIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code XFR TrID SB} (msnp.md §13.3): a user who may chat gets the least loaded live
 * switchboard node and a caller ticket for it, bound to the user's handle and friendly
 * name; {@code 913} when the user is hidden, offline, before the first {@code CHG} or has
 * {@code IMS OFF}; {@code 280} when no switchboard node is live (the destination other
 * than {@code SB} is refused with {@code 201} by the parser).
 * <p>
 * The live nodes are read from the {@link NodeRegistry} at most once per refresh
 * interval, so a burst of requests does not become a burst of registry queries; a node
 * that died within the interval can be handed out until the next refresh, and its
 * caller's {@code USR} then fails to connect, as with any lost switchboard.
 */
public final class SwitchboardReferrals implements NotificationCommands {

	private static final Logger logger = LoggerFactory.getLogger(SwitchboardReferrals.class);

	private final NodeRegistry registry;

	private final TicketIssuer tickets;

	private final long refreshNanos;

	private final Object lock = new Object();

	// guarded by lock
	private List<ClusterNode> live = List.of();

	// guarded by lock
	private long readAt;

	/** Referrals per node since the last read, by node id. */
	// guarded by lock
	private final Map<String, Integer> referred = new HashMap<>();

	/**
	 * @param registry the cluster's nodes
	 * @param tickets issues the caller tickets
	 * @param refresh how long a read of the live switchboard nodes is used
	 */
	public SwitchboardReferrals(NodeRegistry registry, TicketIssuer tickets, Duration refresh) {
		this.registry = registry;
		this.tickets = tickets;
		this.refreshNanos = refresh.toNanos();
		this.readAt = System.nanoTime() - this.refreshNanos;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Xfr.class, this::xfr));
	}

	void xfr(NotificationSession session, Xfr command) {
		Presence presence = session.presence();
		if (!presence.visible() || !presence.reachable()) {
			session.send(Replies.error(ErrorCode.NOT_ALLOWED_WHEN_OFFLINE, command.trId()));
			return;
		}
		Optional<ClusterNode> switchboard = next();
		if (switchboard.isEmpty()) {
			session.send(Replies.error(ErrorCode.SWITCHBOARD_FAILED, command.trId()));
			return;
		}
		String address = switchboard.get().address();
		session.send(Replies.xfrSb(command.trId(), address,
				this.tickets.issueCaller(address, session.handle(), presence.friendlyName())));
	}

	/**
	 * The switchboard node with the fewest rooms, counting the referrals since the read.
	 */
	private Optional<ClusterNode> next() {
		synchronized (this.lock) {
			long now = System.nanoTime();
			if (now - this.readAt >= this.refreshNanos) {
				try {
					this.live = this.registry.live(NodeRegistry.SWITCHBOARD);
					this.readAt = now;
					this.referred.clear();
				}
				catch (RuntimeException ex) {
					// The last known nodes are still the best guess while the database is
					// away.
					logger.warn("Cannot read the live switchboard nodes ({}); using the last {} known", ex.getMessage(),
							this.live.size());
				}
			}
			Optional<ClusterNode> next = this.live.stream()
				.min(Comparator.comparingInt((node) -> node.load() + this.referred.getOrDefault(node.id(), 0)));
			next.ifPresent((node) -> this.referred.merge(node.id(), 1, Integer::sum));
			return next;
		}
	}

}
