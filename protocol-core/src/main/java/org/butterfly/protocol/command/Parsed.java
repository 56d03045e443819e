package org.butterfly.protocol.command;

import org.butterfly.protocol.vocab.ErrorCode;

/**
 * What a command parser made of a frame: a typed command, a refusal that the server
 * answers with a numeric error (and possibly a close), or a violation that closes the
 * connection without a reply (msnp.md §2.8).
 *
 * @param <C> the server role's command type
 */
public sealed interface Parsed<C> {

	/** A well-formed command. */
	record Command<C>(C command) implements Parsed<C> {
	}

	/**
	 * A well-formed line whose parameters the spec answers with an error code;
	 * {@code close} after sending it.
	 */
	record Refused<C>(ErrorCode error, String trId, boolean close) implements Parsed<C> {
	}

	/** A line the spec answers by closing the connection without a reply. */
	record Violation<C>(String reason) implements Parsed<C> {
	}

}
