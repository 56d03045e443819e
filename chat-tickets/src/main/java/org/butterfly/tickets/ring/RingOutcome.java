package org.butterfly.tickets.ring;

import java.util.Objects;

/**
 * What became of an invitation (msnp.md §14.2, checks 3 and 4). Immutable.
 *
 * @param result whether the {@code RNG} went out, and if not, why
 * @param calleeFriendlyName the callee's URL-encoded friendly name, which the room shows
 * when it joins; only for {@link Result#DELIVERED}, else empty
 */
public record RingOutcome(Result result, String calleeFriendlyName) {

	public enum Result {

		/** The {@code RNG} was sent to the callee's notification connection. */
		DELIVERED,
		/** Unknown account, offline, {@code HDN} or {@code FLN}: {@code 217}. */
		NOT_ONLINE,
		/**
		 * The callee does not allow the caller (BL, or BLP BL without AL): {@code 217} or
		 * {@code 216}.
		 */
		NOT_ALLOWED,
		/** The callee said {@code IMS OFF}: {@code 217}. */
		IMS_OFF

	}

	public RingOutcome {
		Objects.requireNonNull(result);
		if ((result == Result.DELIVERED) == calleeFriendlyName.isEmpty()) {
			throw new IllegalArgumentException("a delivered ring, and only that, names the callee");
		}
	}

	public static RingOutcome delivered(String calleeFriendlyName) {
		return new RingOutcome(Result.DELIVERED, calleeFriendlyName);
	}

	public static RingOutcome notOnline() {
		return new RingOutcome(Result.NOT_ONLINE, "");
	}

	public static RingOutcome notAllowed() {
		return new RingOutcome(Result.NOT_ALLOWED, "");
	}

	public static RingOutcome imsOff() {
		return new RingOutcome(Result.IMS_OFF, "");
	}

	public boolean delivered() {
		return this.result == Result.DELIVERED;
	}

}
