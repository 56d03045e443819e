package org.butterfly.protocol.command;

import org.butterfly.protocol.wire.Frame;

/**
 * A command a client sends to a server. Servers parse frames into these records
 * ({@link DispatchCommandParser}, {@link NotificationCommandParser},
 * {@link SwitchboardCommandParser}); clients turn them into frames, so both sides share
 * one vocabulary.
 */
public interface ClientCommand {

	/** The wire form of this command. */
	Frame toFrame();

}
