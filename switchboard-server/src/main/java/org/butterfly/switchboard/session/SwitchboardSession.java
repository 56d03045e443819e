package org.butterfly.switchboard.session;

import java.util.Objects;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.dispatch.StatefulSession;
import org.butterfly.protocol.pipeline.Disconnector;
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
public final class SwitchboardSession extends StatefulSession<SbState> {

	public static final AttributeKey<SwitchboardSession> KEY = AttributeKey.valueOf(SwitchboardSession.class,
			"session");

	private Room room;

	public SwitchboardSession(Channel channel, EventExecutor executor, Disconnector disconnector) {
		super(channel, executor, disconnector, SbState.AWAITING_AUTH, SbState.CLOSING);
	}

	/** The session the initializer put on {@code channel}. */
	public static SwitchboardSession of(Channel channel) {
		return Objects.requireNonNull(channel.attr(KEY).get(), "no switchboard session on the channel");
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

}
