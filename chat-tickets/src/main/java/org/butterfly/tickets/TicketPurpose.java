package org.butterfly.tickets;

/**
 * What a ticket lets its holder do on a switchboard (msnp.md §13.3, §13.4, §14.1). A
 * ticket signed for one purpose never verifies for the other.
 */
public enum TicketPurpose {

	/** Open a new switchboard session with {@code USR}; issued by {@code XFR SB}. */
	CALLER,

	/** Join one existing session with {@code ANS}; sent in {@code RNG}. */
	INVITEE

}
