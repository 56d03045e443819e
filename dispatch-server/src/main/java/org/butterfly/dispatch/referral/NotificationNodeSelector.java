package org.butterfly.dispatch.referral;

import org.butterfly.server.AdvertisedAddress;

/**
 * Chooses the notification server a client is referred to with {@code XFR ... NS}
 * (msnp.md §4). Implementations are thread-safe and do not block: they are called on the
 * dispatch workers for every referral.
 */
@FunctionalInterface
public interface NotificationNodeSelector {

	/**
	 * @param handle the client's handle, already validated and in lower case
	 * @return the address the client connects to next
	 */
	AdvertisedAddress select(String handle);

}
