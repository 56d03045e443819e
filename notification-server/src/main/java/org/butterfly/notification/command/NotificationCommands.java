package org.butterfly.notification.command;

import java.util.List;
import java.util.function.BiConsumer;

import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.NotificationCommand;
import org.butterfly.protocol.dispatch.CommandHandler;

/**
 * A feature's share of the notification server's command handlers. The configuration
 * gathers every feature's handlers into one {@code CommandRegistry}, which refuses to
 * start unless each {@link NotificationCommand} type has exactly one handler.
 * <p>
 * Handlers are stateless and run on the session's executor (STYLE.md P5, P9).
 */
public interface NotificationCommands {

	List<CommandHandler<NotificationSession, ?>> handlers();

	/** A handler for {@code type} that runs {@code body}. */
	static <C extends NotificationCommand> CommandHandler<NotificationSession, C> handler(Class<C> type,
			BiConsumer<NotificationSession, C> body) {
		return new CommandHandler<>() {
			@Override
			public Class<C> commandType() {
				return type;
			}

			@Override
			public void handle(NotificationSession session, C command) {
				body.accept(session, command);
			}
		};
	}

}
