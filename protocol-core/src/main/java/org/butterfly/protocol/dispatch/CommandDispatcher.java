package org.butterfly.protocol.dispatch;

import java.util.function.BiFunction;
import java.util.function.Function;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.butterfly.protocol.command.Parsed;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.FramingError;

/**
 * Turns decoded frames into handler calls, one connection's commands strictly in order
 * (msnp.md §21 pipelining).
 * <p>
 * Added to the pipeline on an {@code EventExecutorGroup}, it runs on one executor pinned
 * to the channel: handlers may block on the database without stalling I/O, and the next
 * command of the connection starts only when the previous handler returned. For each
 * frame:
 * <ol>
 * <li>a {@link FramingError} closes the connection;</li>
 * <li>the session's state gate is asked; a verb not allowed in the current state closes
 * (§2.8, §20);</li>
 * <li>the role's parser types the frame; a refusal is answered {@code NNN TrID} (closing
 * when the spec says so), a violation closes without a reply;</li>
 * <li>the command goes to its handler; an exception it throws goes to the
 * {@link CommandFailures} policy (by default: the connection closes).</li>
 * </ol>
 * A {@link FrameBatch} is taken apart and each of its messages handled so, in order.
 * Frames that arrive after the server decided to close are dropped. Stateless: one
 * instance serves every channel.
 *
 * @param <S> the server's session type
 * @param <R> the role's sealed command interface
 */
@Sharable
public final class CommandDispatcher<S extends ProtocolSession, R> extends ChannelInboundHandlerAdapter {

	private final Function<io.netty.channel.Channel, S> sessions;

	private final BiFunction<Frame, S, Parsed<R>> parser;

	private final CommandRegistry<S, R> registry;

	private final Disconnector disconnector;

	private final CommandFailures<S> failures;

	/**
	 * @param sessions finds the session the initializer put on the channel
	 * @param parser types a frame for the session's current dialect
	 */
	public CommandDispatcher(Function<io.netty.channel.Channel, S> sessions, BiFunction<Frame, S, Parsed<R>> parser,
			CommandRegistry<S, R> registry, Disconnector disconnector) {
		this(sessions, parser, registry, disconnector, CommandFailures.close());
	}

	/**
	 * @param sessions finds the session the initializer put on the channel
	 * @param parser types a frame for the session's current dialect
	 * @param failures what a handler's exception means for the connection
	 */
	public CommandDispatcher(Function<io.netty.channel.Channel, S> sessions, BiFunction<Frame, S, Parsed<R>> parser,
			CommandRegistry<S, R> registry, Disconnector disconnector, CommandFailures<S> failures) {
		this.sessions = sessions;
		this.parser = parser;
		this.registry = registry;
		this.disconnector = disconnector;
		this.failures = failures;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		FrameBatch.unpack(msg, (message) -> read(ctx, message));
	}

	private void read(ChannelHandlerContext ctx, Object msg) {
		try {
			if (Disconnector.isClosing(ctx.channel())) {
				return;
			}
			if (msg instanceof FramingError error) {
				this.disconnector.close(ctx.channel(),
						CloseReason.of(CloseReason.Kind.MALFORMED_FRAME, error.reason() + ": " + error.detail()));
			}
			else if (msg instanceof Frame frame) {
				dispatch(ctx, frame);
			}
			else {
				ctx.fireChannelRead(ReferenceCountUtil.retain(msg));
			}
		}
		finally {
			ReferenceCountUtil.release(msg);
		}
	}

	private void dispatch(ChannelHandlerContext ctx, Frame frame) {
		S session = this.sessions.apply(ctx.channel());
		if (!session.allows(frame.verb())) {
			this.disconnector.close(ctx.channel(),
					CloseReason.of(CloseReason.Kind.PROTOCOL_VIOLATION, frame.verb() + " not allowed now"));
			return;
		}
		Parsed<R> parsed = this.parser.apply(frame, session);
		if (parsed instanceof Parsed.Command<R> command) {
			try {
				this.registry.dispatch(session, command.command());
			}
			catch (RuntimeException failure) {
				this.failures.failed(session, frame, failure);
			}
		}
		else if (parsed instanceof Parsed.Refused<R> refused) {
			if (refused.close()) {
				this.disconnector.close(ctx.channel(),
						CloseReason.of(CloseReason.Kind.PROTOCOL_VIOLATION,
								frame.verb() + " refused with " + refused.error()),
						Replies.error(refused.error(), refused.trId()));
			}
			else {
				session.send(Replies.error(refused.error(), refused.trId()));
			}
		}
		else if (parsed instanceof Parsed.Violation<R> violation) {
			this.disconnector.close(ctx.channel(),
					CloseReason.of(CloseReason.Kind.PROTOCOL_VIOLATION, violation.reason()));
		}
	}

}
