package org.butterfly.dispatch.session;

import java.util.Objects;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.dispatch.ProtocolSession;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.Verb;
import org.butterfly.protocol.wire.Frame;

/**
 * One dispatch-server connection: its {@link DsState} and, after {@code VER}, its
 * dialect. Created by the pipeline initializer and kept on the channel under
 * {@link #KEY}.
 * <p>
 * The state changes only on {@link #executor()}, where the command dispatcher runs every
 * command of the connection in order; {@link #allows} is read there too.
 */
public final class DispatchSession implements ProtocolSession {

	public static final AttributeKey<DispatchSession> KEY = AttributeKey.valueOf(DispatchSession.class, "session");

	private final Channel channel;

	private final EventExecutor executor;

	private final Disconnector disconnector;

	private DsState state = DsState.START;

	private Dialect dialect;

	public DispatchSession(Channel channel, EventExecutor executor, Disconnector disconnector) {
		this.channel = channel;
		this.executor = executor;
		this.disconnector = disconnector;
	}

	/** The session the initializer put on {@code channel}. */
	public static DispatchSession of(Channel channel) {
		return Objects.requireNonNull(channel.attr(KEY).get(), "no dispatch session on the channel");
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

	public DsState state() {
		return this.state;
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

	/**
	 * Ends the conversation: no further command is handled, {@code lastWords} (if any)
	 * are flushed, and the connection is closed.
	 */
	public void close(CloseReason reason, Frame lastWords) {
		moveTo(DsState.CLOSING);
		this.disconnector.close(this.channel, reason, lastWords);
	}

	private void moveTo(DsState next) {
		assert this.executor.inEventLoop() : "session changed off its executor";
		if (!this.state.canMoveTo(next)) {
			throw new IllegalStateException("cannot move from " + this.state + " to " + next);
		}
		this.state = next;
	}

}
