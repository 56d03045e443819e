package org.butterfly.dispatch.referral;

/**
 * No notification server is alive to refer a client to: the client gets {@code 601}
 * (server unavailable) instead of a referral to a dead node.
 */
public class NoNotificationNodeException extends RuntimeException {

	public NoNotificationNodeException(String message) {
		super(message);
	}

}
