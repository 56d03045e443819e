package org.butterfly.directory.mail;

/** Where a mail of the outbox is. */
public enum MailState {

	/** Waiting for its next attempt (or being sent by the node that claimed it). */
	QUEUED,
	/** Handed to the mail server. */
	SENT,
	/** Given up: the last attempt failed permanently or was the last one allowed. */
	FAILED

}
