package org.butterfly.protocol.dispatch;

import org.butterfly.protocol.wire.Frame;

/**
 * What an unexpected exception from a command handler means for the connection (msnp.md
 * §15: {@code 500} internal error, {@code 501} database failure). Called by the
 * {@link CommandDispatcher} on the session's executor, with the frame whose handler
 * failed. The default, {@link #close()}, lets the exception reach the pipeline's
 * exception handler, which closes the connection.
 *
 * @param <S> the server's session type
 */
@FunctionalInterface
public interface CommandFailures<S extends ProtocolSession> {

	/**
	 * @param session the session whose command failed
	 * @param frame the command
	 * @param failure what the handler threw
	 */
	void failed(S session, Frame frame, RuntimeException failure);

	/**
	 * Every failure closes the connection.
	 * @param <S> the session type
	 * @return the policy
	 */
	static <S extends ProtocolSession> CommandFailures<S> close() {
		return (session, frame, failure) -> {
			throw failure;
		};
	}

	/**
	 * The TrID of a client command, when it has one: its first token, if all digits.
	 * @param frame the command
	 * @return the TrID, or {@code null}
	 */
	static String trIdOf(Frame frame) {
		if (frame.tokenCount() == 0) {
			return null;
		}
		String first = frame.token(0);
		return (!first.isEmpty() && first.length() <= 10 && first.chars().allMatch(Character::isDigit)) ? first : null;
	}

}
