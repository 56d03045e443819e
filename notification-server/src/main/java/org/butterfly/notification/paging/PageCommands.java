package org.butterfly.notification.paging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.netty.util.AttributeKey;
import org.butterfly.directory.paging.PageCheck;
import org.butterfly.directory.paging.PagingService;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.ClientCommands.Pag;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PAG} (MSNP5+, msnp.md §11.5): a page to a contact's mobile device. Success has
 * no reply; every failure is {@code 800 TrID}: a body in neither form, a target that is
 * unknown, not on the sender's FL, without {@code MOB Y}/{@code MBE Y}, or that blocks or
 * does not allow the sender, and a session over its page rate (docs/adr/0307). Accepted
 * pages go to the {@link PagerGateway}. The parser closes the connection for {@code PAG}
 * below MSNP5.
 */
public final class PageCommands implements NotificationCommands {

	private static final Logger logger = LoggerFactory.getLogger(PageCommands.class);

	private static final AttributeKey<Deque<Instant>> RECENT_PAGES = AttributeKey.valueOf(PageCommands.class,
			"recentPages");

	private final PagingService paging;

	private final PagerGateway gateway;

	private final int maxPages;

	private final Duration window;

	private final Clock clock;

	/**
	 * @param paging the directory's checks
	 * @param gateway where accepted pages go
	 * @param maxPages the most pages (accepted or not) one session may send per
	 * {@code window}
	 * @param window the rate window
	 * @param clock the clock of the rate
	 */
	public PageCommands(PagingService paging, PagerGateway gateway, int maxPages, Duration window, Clock clock) {
		if (maxPages < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("The page rate needs a positive count and window");
		}
		this.paging = paging;
		this.gateway = gateway;
		this.maxPages = maxPages;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public List<CommandHandler<NotificationSession, ?>> handlers() {
		return List.of(NotificationCommands.handler(Pag.class, this::pag));
	}

	void pag(NotificationSession session, Pag command) {
		if (!withinRate(session)) {
			refuse(session, command, "over the page rate");
			return;
		}
		Optional<PageBody> body = PageBody.parse(command.body());
		if (body.isEmpty()) {
			refuse(session, command, "a body in neither form");
			return;
		}
		PageCheck check = this.paging.check(session.handle(), command.target());
		if (check instanceof PageCheck.Refused refused) {
			refuse(session, command, refused.reason().name());
			return;
		}
		this.gateway.send(new OutgoingPage((PageCheck.Allowed) check, body.get().callbackNumber(), body.get().text()));
	}

	/**
	 * Counts this page in the session's sliding window; {@code false} beyond the rate.
	 */
	private boolean withinRate(NotificationSession session) {
		Deque<Instant> recent = session.channel().attr(RECENT_PAGES).get();
		if (recent == null) {
			recent = new ArrayDeque<>(this.maxPages);
			session.channel().attr(RECENT_PAGES).set(recent);
		}
		Instant now = this.clock.instant();
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(this.window))) {
			recent.pollFirst();
		}
		if (recent.size() >= this.maxPages) {
			return false;
		}
		recent.addLast(now);
		return true;
	}

	private static void refuse(NotificationSession session, Pag command, String why) {
		logger.debug("{} paging {} refused: {}", session.handle(), command.target(), why);
		session.send(Replies.error(ErrorCode.RATE_LIMITED, command.trId()));
	}

}
