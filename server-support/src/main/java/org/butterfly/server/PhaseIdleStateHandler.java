package org.butterfly.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.handler.timeout.IdleStateHandler;

/**
 * A reader-idle timer that knows which connection phase it guards, for the close reason.
 * Holds per-channel state: never sharable.
 */
final class PhaseIdleStateHandler extends IdleStateHandler {

	private final String description;

	PhaseIdleStateHandler(String phase, Duration timeout) {
		super(timeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
		this.description = "nothing received for " + timeout.toMillis() + " ms (" + phase + ")";
	}

	String description() {
		return this.description;
	}

}
