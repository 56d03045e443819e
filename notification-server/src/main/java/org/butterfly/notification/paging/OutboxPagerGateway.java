package org.butterfly.notification.paging;

import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.paging.PagingService;
import org.butterfly.directory.paging.QueuedPage;
import org.butterfly.notification.session.SessionRegistry;

/**
 * The default pager gateway (docs/adr/0307): the page goes into the directory's outbox,
 * where an SMS gateway can pick it up, and to the target's online session on whichever
 * node it runs, which shows it as an {@code IPG} if its dialect has one (MSNP6+, msnp.md
 * §12.2).
 */
public final class OutboxPagerGateway implements PagerGateway {

	private final PagingService paging;

	private final SessionRegistry sessions;

	public OutboxPagerGateway(PagingService paging, SessionRegistry sessions) {
		this.paging = paging;
		this.sessions = sessions;
	}

	@Override
	public void send(OutgoingPage page) {
		QueuedPage queued = this.paging.enqueue(page.route(), page.callbackNumber(), page.text());
		this.sessions.deliver(new ClusterEvent.PageReceived(page.route().target(), queued.id(), page.route().sender(),
				page.route().senderId(), page.route().targetLanguage(), page.text()));
	}

}
