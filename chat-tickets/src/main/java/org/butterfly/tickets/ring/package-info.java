/**
 * The contract between a switchboard and the notification servers for invitations
 * ({@code CAL} → {@code RNG}, msnp.md §13.4, §14.2): the switchboard builds an
 * {@link org.butterfly.tickets.ring.Invitation} with a fresh {@code INVITEE} ticket and
 * asks a {@link org.butterfly.tickets.ring.Ringer}, which the notification side
 * implements, for a {@link org.butterfly.tickets.ring.RingOutcome}.
 */
package org.butterfly.tickets.ring;
