package org.butterfly.dispatch.pipeline;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.EventExecutorGroup;
import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.DispatchCommand;
import org.butterfly.protocol.command.DispatchCommandParser;
import org.butterfly.protocol.dispatch.CommandDispatcher;
import org.butterfly.protocol.dispatch.CommandRegistry;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.HandlerNames;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;
import org.butterfly.server.IdlePhases;

/**
 * The dispatch server's pipeline, the same for TCP and in-JVM connections:
 *
 * <pre>
 * inbound:  frameDecoder -> idle (before sign-in, for the whole connection) -> idleEvents
 *             -> [dispatch worker] dispatcher -> exceptions
 * outbound: frameEncoder
 * </pre>
 *
 * The decoder frames with the dispatch rules (no payload verbs) and the server's size
 * limits; the dispatcher runs on one worker pinned to the channel, which owns the
 * channel's {@link DispatchSession}. Sharable: one instance serves every connection.
 */
@Sharable
public final class DispatchChannelInitializer extends ChannelInitializer<Channel> {

	private final DispatchCommandParser parser = new DispatchCommandParser();

	private final EventExecutorGroup dispatchers;

	private final CommandRegistry<DispatchSession, DispatchCommand> commands;

	private final Disconnector disconnector;

	private final IdlePhases idle;

	private final ProtocolExceptionHandler exceptions;

	public DispatchChannelInitializer(EventExecutorGroup dispatchers,
			CommandRegistry<DispatchSession, DispatchCommand> commands, Disconnector disconnector, IdlePhases idle,
			ProtocolExceptionHandler exceptions) {
		this.dispatchers = dispatchers;
		this.commands = commands;
		this.disconnector = disconnector;
		this.idle = idle;
		this.exceptions = exceptions;
	}

	@Override
	protected void initChannel(Channel channel) {
		ChannelPipeline pipeline = channel.pipeline();
		pipeline
			.addLast(HandlerNames.FRAME_DECODER, new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.DISPATCH_INBOUND))
			.addLast(HandlerNames.FRAME_ENCODER, MsnpFrameEncoder.INSTANCE);
		this.idle.install(pipeline);
		pipeline
			.addLast(this.dispatchers, HandlerNames.DISPATCHER,
					new CommandDispatcher<>(DispatchSession::of, (frame, session) -> this.parser.parse(frame),
							this.commands, this.disconnector))
			.addLast(HandlerNames.EXCEPTIONS, this.exceptions);
		channel.attr(DispatchSession.KEY)
			.set(new DispatchSession(channel, pipeline.context(HandlerNames.DISPATCHER).executor(), this.disconnector));
	}

}
