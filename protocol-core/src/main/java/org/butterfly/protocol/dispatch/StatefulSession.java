package org.butterfly.protocol.dispatch;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.vocab.Verb;
import org.butterfly.protocol.wire.Frame;

/**
 * The plumbing every server's session shares: the channel, the executor that owns the
 * session, and an explicit state machine that is the session's state gate (STYLE.md P6).
 * The state changes only on {@link #executor()}.
 *
 * @param <S> the server's state enum
 */
public abstract class StatefulSession<S extends Enum<S> & SessionState<S>> implements ProtocolSession {

	private final Channel channel;

	private final EventExecutor executor;

	private final Disconnector disconnector;

	private final S closing;

	private S state;

	/**
	 * @param initial the state of a new connection
	 * @param closing the state entered when the server decides to close
	 */
	protected StatefulSession(Channel channel, EventExecutor executor, Disconnector disconnector, S initial,
			S closing) {
		this.channel = channel;
		this.executor = executor;
		this.disconnector = disconnector;
		this.state = initial;
		this.closing = closing;
	}

	@Override
	public final Channel channel() {
		return this.channel;
	}

	@Override
	public final EventExecutor executor() {
		return this.executor;
	}

	@Override
	public final boolean allows(String verb) {
		return Verb.fromToken(verb).map(this.state::allows).orElse(false);
	}

	public final S state() {
		return this.state;
	}

	/**
	 * Ends the connection: no further command is handled, {@code lastWords} (if any) are
	 * flushed, and the connection is closed. Safe from any thread; the state moves to
	 * closing when called on the session's executor.
	 */
	public void close(CloseReason reason, Frame lastWords) {
		if (this.executor.inEventLoop() && !this.state.isClosing()) {
			moveTo(this.closing);
		}
		this.disconnector.close(this.channel, reason, lastWords);
	}

	/**
	 * Moves the state machine on; only on the session's executor, only along allowed
	 * transitions.
	 */
	protected final void moveTo(S next) {
		assert this.executor.inEventLoop() : "session changed off its executor";
		if (!this.state.canMoveTo(next)) {
			throw new IllegalStateException("cannot move from " + this.state + " to " + next);
		}
		this.state = next;
	}

}
