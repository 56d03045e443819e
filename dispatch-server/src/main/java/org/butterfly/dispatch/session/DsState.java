package org.butterfly.dispatch.session;

import java.util.EnumSet;
import java.util.Set;

import org.butterfly.protocol.dispatch.SessionState;
import org.butterfly.protocol.vocab.Verb;

/**
 * The states of a dispatch-server connection (msnp.md §4, §20.1) and the verbs each
 * allows; any other verb closes the connection.
 *
 * <pre>
 * START        VER -> DIALECT_SET | CVR0_MODE (CVR0 only) | "VER t 0", CLOSING
 * DIALECT_SET  INF -> "INF t MD5"; CVR -> reply; PNG -> QNG;
 *              USR MD5 I handle -> XFR ... NS, CLOSING; OUT -> CLOSING
 * CVR0_MODE    CVQ -> reply, CLOSING
 * CLOSING      nothing: the server has decided to close
 * </pre>
 */
public enum DsState implements SessionState<DsState> {

	START(EnumSet.of(Verb.VER)),

	DIALECT_SET(EnumSet.of(Verb.INF, Verb.CVR, Verb.PNG, Verb.USR, Verb.OUT)),

	CVR0_MODE(EnumSet.of(Verb.CVQ)),

	CLOSING(EnumSet.noneOf(Verb.class));

	private final Set<Verb> allowed;

	DsState(Set<Verb> allowed) {
		this.allowed = allowed;
	}

	@Override
	public boolean allows(Verb verb) {
		return this.allowed.contains(verb);
	}

	@Override
	public boolean canMoveTo(DsState next) {
		return switch (this) {
			case START -> next != START;
			case DIALECT_SET, CVR0_MODE -> next == CLOSING;
			case CLOSING -> false;
		};
	}

	@Override
	public boolean isClosing() {
		return this == CLOSING;
	}

}
