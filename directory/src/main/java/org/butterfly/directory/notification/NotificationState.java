package org.butterfly.directory.notification;

/** Where a queued notification is in its life. */
public enum NotificationState {

	/** Waiting for the account's next sign-in. */
	PENDING,
	/** Delivered exactly once. */
	DELIVERED,
	/** Not delivered before it expired. */
	EXPIRED

}
