package org.butterfly.tickets.ring;

/**
 * Reaches the notification server of a callee to deliver an {@code RNG} (msnp.md §13.4,
 * §14.2). The switchboard calls it; the notification server implements it: directly in
 * one JVM, over the cluster bus between nodes. It lives in this library, not in either
 * application, because applications never depend on each other (ARCHITECTURE.md §2). The
 * switchboard asks it once per {@code CAL} that passed the local checks, and answers the
 * caller from the outcome.
 * <p>
 * Contract: {@link #ring} decides, from the callee's presence and privacy settings at
 * this moment, whether the invitation may be delivered, and delivers it if so; it sends
 * nothing otherwise. It is called on a switchboard worker thread, never on an I/O thread,
 * while the room waits for the answer: it should answer quickly and must be thread-safe.
 */
@FunctionalInterface
public interface Ringer {

	RingOutcome ring(Invitation invitation);

}
