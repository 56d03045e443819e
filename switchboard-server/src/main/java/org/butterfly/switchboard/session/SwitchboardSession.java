package org.butterfly.switchboard.session;

import java.util.Objects;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.dispatch.ProtocolSession;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.vocab.Verb;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.switchboard.room.Room;

/**
 * One switchboard connection: its {@link SbState} and, once signed in, the room it
 * belongs to. Created by the pipeline initializer and kept on the channel under
 * {@link #KEY}.
 * <p>
 * The state and the room change only on {@link #executor()}, where the command dispatcher
 * runs every command of the connection in order. Everything about the room itself, this
 * connection's membership included, lives in the {@link Room} and changes on the room's
 * executor.
 */
public final class SwitchboardSession implements ProtocolSession {

	public static final AttributeKey<SwitchboardSession> KEY = AttributeKey.valueOf(SwitchboardSession.class,
			"session");

	private final Channel channel;

	private final EventExecutor executor;

	private final Disconnector disconnector;

	private SbState state = SbState.AWAITING_AUTH;

	private Room room;

	public SwitchboardSession(Channel channel, EventExecutor executor, Disconnector disconnector) {
		this.channel = channel;
		this.executor = executor;
		this.disconnector = disconnector;
	}

	/** The session the initializer put on {@code channel}. */
	public static SwitchboardSession of(Channel channel) {
		return Objects.requireNonNull(channel.attr(KEY).get(), "no switchboard session on the channel");
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	@Override
	public EventExecutor executor() {
		return this.executor;
	}

	@Override
	public boolean allows(String verb) {
		return Verb.fromToken(verb).map(this.state::allows).orElse(false);
	}

	public SbState state() {
		return this.state;
	}

	/**
	 * The room this connection signed into, or null before sign-in. Every later command
	 * of the connection is handed to the room's executor, in order.
	 */
	public Room room() {
		return this.room;
	}

	/**
	 * The ticket was good: from now on the connection belongs to {@code room}. Called
	 * before the room has admitted it, so that pipelined commands queue up behind the
	 * admission on the room's executor.
	 */
	public void signedInto(Room room) {
		moveTo(SbState.JOINED);
		this.room = Objects.requireNonNull(room);
	}

	/**
	 * Ends the connection: no further command is handled, {@code lastWords} (if any) are
	 * flushed, and the connection is closed. Safe from any thread.
	 */
	public void close(CloseReason reason, Frame lastWords) {
		if (this.executor.inEventLoop() && this.state != SbState.CLOSING) {
			moveTo(SbState.CLOSING);
		}
		this.disconnector.close(this.channel, reason, lastWords);
	}

	private void moveTo(SbState next) {
		assert this.executor.inEventLoop() : "session changed off its executor";
		if (!this.state.canMoveTo(next)) {
			throw new IllegalStateException("cannot move from " + this.state + " to " + next);
		}
		this.state = next;
	}

}
