package org.butterfly.dispatch.session;

import java.util.Objects;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.dispatch.StatefulSession;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.vocab.Dialect;

/**
 * One dispatch-server connection: its {@link DsState} and, after {@code VER}, its
 * dialect. Created by the pipeline initializer and kept on the channel under
 * {@link #KEY}.
 * <p>
 * The state changes only on {@link #executor()}, where the command dispatcher runs every
 * command of the connection in order; {@link #allows} is read there too.
 */
public final class DispatchSession extends StatefulSession<DsState> {

	public static final AttributeKey<DispatchSession> KEY = AttributeKey.valueOf(DispatchSession.class, "session");

	private Dialect dialect;

	public DispatchSession(Channel channel, EventExecutor executor, Disconnector disconnector) {
		super(channel, executor, disconnector, DsState.START, DsState.CLOSING);
	}

	/** The session the initializer put on {@code channel}. */
	public static DispatchSession of(Channel channel) {
		return Objects.requireNonNull(channel.attr(KEY).get(), "no dispatch session on the channel");
	}

	/**
	 * The dialect chosen by {@code VER}.
	 * @throws IllegalStateException before {@code VER} chose one
	 */
	public Dialect dialect() {
		if (this.dialect == null) {
			throw new IllegalStateException("no dialect negotiated");
		}
		return this.dialect;
	}

	/** {@code VER} found a common dialect. */
	public void dialectChosen(Dialect chosen) {
		moveTo(DsState.DIALECT_SET);
		this.dialect = chosen;
	}

	/** {@code VER} found no common dialect, but the client offered {@code CVR0}. */
	public void versionCheckOnly() {
		moveTo(DsState.CVR0_MODE);
	}

}
