package org.butterfly.protocol.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of one server role, checked when the server starts: every command type
 * permitted by the role's sealed command interface has exactly one handler, so an
 * incomplete server fails at boot rather than at the first sign-in (STYLE.md P5).
 *
 * @param <S> the server's session type
 * @param <R> the role's sealed command interface
 */
public final class CommandRegistry<S extends ProtocolSession, R> {

	private final Map<Class<?>, CommandHandler<S, ?>> handlers;

	public CommandRegistry(Class<R> sealedRoot, List<? extends CommandHandler<S, ?>> all) {
		if (!sealedRoot.isSealed()) {
			throw new IllegalArgumentException(sealedRoot.getName() + " is not a sealed interface");
		}
		Map<Class<?>, CommandHandler<S, ?>> map = new HashMap<>();
		for (CommandHandler<S, ?> handler : all) {
			if (!sealedRoot.isAssignableFrom(handler.commandType())) {
				throw new IllegalStateException(
						handler.commandType().getSimpleName() + " is not a " + sealedRoot.getSimpleName());
			}
			if (map.putIfAbsent(handler.commandType(), handler) != null) {
				throw new IllegalStateException("two handlers for " + handler.commandType().getSimpleName());
			}
		}
		for (Class<?> permitted : sealedRoot.getPermittedSubclasses()) {
			if (!map.containsKey(permitted)) {
				throw new IllegalStateException("no handler for " + permitted.getSimpleName());
			}
		}
		this.handlers = Map.copyOf(map);
	}

	/** Hands {@code command} to its handler. */
	@SuppressWarnings("unchecked")
	public void dispatch(S session, R command) {
		CommandHandler<S, R> handler = (CommandHandler<S, R>) this.handlers.get(command.getClass());
		handler.handle(session, command);
	}

}
