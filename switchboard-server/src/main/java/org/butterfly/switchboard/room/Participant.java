package org.butterfly.switchboard.room;

import java.time.Duration;
import java.time.Instant;

import org.butterfly.switchboard.session.SwitchboardSession;

/**
 * Somebody in a room: the connection, the handle and the friendly name it joined with
 * (names are not updated inside a session, msnp.md §14.4), and its recent invitations for
 * the rate limit. Touched only on the room's executor.
 */
public final class Participant {

	private final SwitchboardSession session;

	private final String handle;

	private final String friendlyName;

	private Instant callWindowStart = Instant.MIN;

	private int callsInWindow;

	Participant(SwitchboardSession session, String handle, String friendlyName) {
		this.session = session;
		this.handle = handle;
		this.friendlyName = friendlyName;
	}

	public SwitchboardSession session() {
		return this.session;
	}

	public String handle() {
		return this.handle;
	}

	public String friendlyName() {
		return this.friendlyName;
	}

	/**
	 * Counts one {@code CAL} in a fixed window; false when this participant already made
	 * {@code max} calls in the current one.
	 */
	public boolean tryCall(int max, Duration window, Instant now) {
		if (!now.isBefore(this.callWindowStart.plus(window))) {
			this.callWindowStart = now;
			this.callsInWindow = 0;
		}
		if (this.callsInWindow >= max) {
			return false;
		}
		this.callsInWindow++;
		return true;
	}

}
