package org.butterfly.switchboard.invite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.tickets.ring.Invitation;
import org.butterfly.tickets.ring.RingOutcome;
import org.butterfly.tickets.ring.Ringer;

/**
 * A {@link Ringer} backed by a presence table held in memory: for tests, benchmarks and a
 * switchboard running without a notification server (where nobody is online, so every
 * {@code CAL} is answered {@code 217}). Whoever fills the table says who is online, with
 * which status, IMS setting and refused callers; delivered {@code RNG} lines go to a
 * delivery callback and are remembered (the last {@value #REMEMBERED} of them) for
 * assertions. Thread-safe.
 */
public final class InMemoryRinger implements Ringer {

	/** How many delivered {@code RNG} lines are remembered. */
	public static final int REMEMBERED = 1000;

	private final Map<String, Presence> presence = new ConcurrentHashMap<>();

	private final BiConsumer<String, Frame> delivery;

	// guarded by itself
	private final List<Invitation> delivered = new ArrayList<>();

	/** Remembers delivered invitations and sends them nowhere. */
	public InMemoryRinger() {
		this((callee, rng) -> {
		});
	}

	/**
	 * @param delivery receives {@code (callee, RNG line)} for every delivered invitation,
	 * e.g. to write it to a fake notification connection
	 */
	public InMemoryRinger(BiConsumer<String, Frame> delivery) {
		this.delivery = delivery;
	}

	/**
	 * How a user appears to callers.
	 *
	 * @param friendlyName the URL-encoded name the user joins rooms with
	 * @param status the presence status; {@code HDN} and {@code FLN} are not reachable
	 * @param imsOn false after {@code IMS OFF}
	 * @param refusedCallers callers the user does not allow (its BL, or everybody not on
	 * its AL under BLP BL), in lower case
	 */
	public record Presence(String friendlyName, Status status, boolean imsOn, Set<String> refusedCallers) {

		public Presence {
			refusedCallers = Set.copyOf(refusedCallers);
		}

		/** Online as {@code NLN}, reachable by everybody. */
		public static Presence online(String friendlyName) {
			return new Presence(friendlyName, Status.NLN, true, Set.of());
		}

	}

	/** Sets how {@code handle} appears to callers (replacing what was there). */
	public void put(String handle, Presence state) {
		this.presence.put(normalize(handle), state);
	}

	/** {@code handle} signed out. */
	public void remove(String handle) {
		this.presence.remove(normalize(handle));
	}

	@Override
	public RingOutcome ring(Invitation invitation) {
		Presence callee = this.presence.get(normalize(invitation.callee()));
		if (callee == null || !callee.status().isVisible()) {
			return RingOutcome.notOnline();
		}
		if (!callee.imsOn()) {
			return RingOutcome.imsOff();
		}
		if (callee.refusedCallers().contains(normalize(invitation.callerHandle()))) {
			return RingOutcome.notAllowed();
		}
		synchronized (this.delivered) {
			if (this.delivered.size() == REMEMBERED) {
				this.delivered.remove(0);
			}
			this.delivered.add(invitation);
		}
		this.delivery.accept(invitation.callee(), rng(invitation));
		return RingOutcome.delivered(callee.friendlyName());
	}

	/** The invitations delivered so far, oldest first (at most {@value #REMEMBERED}). */
	public List<Invitation> delivered() {
		synchronized (this.delivered) {
			return List.copyOf(this.delivered);
		}
	}

	/** The line the callee's notification connection receives (msnp.md §13.4). */
	public static Frame rng(Invitation invitation) {
		return Replies.rng(invitation.sessionId(), invitation.switchboardAddress(), invitation.ticket(),
				invitation.callerHandle(), invitation.callerFriendlyName());
	}

	private static String normalize(String handle) {
		return handle.toLowerCase(Locale.ROOT);
	}

}
