package org.butterfly.protocol.dispatch;

/**
 * Handles one command type for a server role. Handlers are stateless and shared by all
 * connections: everything that belongs to a connection lives in the session (STYLE.md
 * P5). {@link #handle} runs on the session's executor, never on an I/O thread, so it may
 * block on the database.
 *
 * @param <S> the server's session type
 * @param <C> the command type handled
 */
public interface CommandHandler<S extends ProtocolSession, C> {

	Class<C> commandType();

	void handle(S session, C command);

}
