package org.butterfly.directory.paging;

/** Where a page in the outbox stands. */
public enum PageState {

	/** Waiting for an SMS gateway. */
	PENDING,
	/** Handed to an SMS gateway. */
	SENT

}
