package org.butterfly.protocol.dispatch;

import org.butterfly.protocol.vocab.Verb;

/**
 * A phase of a connection's state machine (msnp.md §20): which verbs it allows and where
 * it may go next. Implemented by each server's state enum.
 *
 * @param <S> the enum itself
 */
public interface SessionState<S extends Enum<S> & SessionState<S>> {

	boolean allows(Verb verb);

	/** Whether the state machine may move from this state to {@code next}. */
	boolean canMoveTo(S next);

	/**
	 * Whether this is the state in which the server has decided to close: no command is
	 * handled any more.
	 */
	boolean isClosing();

}
