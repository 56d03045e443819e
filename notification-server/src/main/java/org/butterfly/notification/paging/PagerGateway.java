package org.butterfly.notification.paging;

/**
 * Where accepted pages go (msnp.md §11.5): an SMS provider, or the default
 * {@link OutboxPagerGateway}. A bean of this type replaces the default. Called on the
 * sender's session executor after the page was checked; may block (JDBC, HTTP) but must
 * not take long.
 */
public interface PagerGateway {

	/**
	 * Delivers an accepted page.
	 * @param page the page
	 */
	void send(OutgoingPage page);

}
