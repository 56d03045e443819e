package org.butterfly.switchboard.session;

import java.util.EnumSet;
import java.util.Set;

import org.butterfly.protocol.dispatch.SessionState;
import org.butterfly.protocol.vocab.Verb;

/**
 * The states of a switchboard connection (msnp.md §20.3) and the verbs each allows; any
 * other verb closes the connection.
 *
 * <pre>
 * AWAITING_AUTH  USR handle cookie -> JOINED (new room) | 911, CLOSING
 *                ANS handle cookie session -> JOINED (IRO..., ANS OK) | 911, CLOSING
 * JOINED         CAL, MSG, OUT
 * CLOSING        nothing: the server has decided to close
 * </pre>
 */
public enum SbState implements SessionState<SbState> {

	AWAITING_AUTH(EnumSet.of(Verb.USR, Verb.ANS)),

	JOINED(EnumSet.of(Verb.CAL, Verb.MSG, Verb.OUT)),

	CLOSING(EnumSet.noneOf(Verb.class));

	private final Set<Verb> allowed;

	SbState(Set<Verb> allowed) {
		this.allowed = allowed;
	}

	@Override
	public boolean allows(Verb verb) {
		return this.allowed.contains(verb);
	}

	@Override
	public boolean canMoveTo(SbState next) {
		return switch (this) {
			case AWAITING_AUTH -> next != AWAITING_AUTH;
			case JOINED -> next == CLOSING;
			case CLOSING -> false;
		};
	}

	@Override
	public boolean isClosing() {
		return this == CLOSING;
	}

}
