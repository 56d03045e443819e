package org.butterfly.switchboard.pipeline;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import org.butterfly.protocol.command.SwitchboardCommand;
import org.butterfly.protocol.command.SwitchboardCommandParser;
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
import org.butterfly.switchboard.leave.DepartureHandler;
import org.butterfly.switchboard.session.SwitchboardSession;

/**
 * The switchboard's pipeline, the same for TCP and in-JVM connections:
 *
 * <pre>
 * inbound:  frameDecoder -> idle (60 s to sign in, then the participant idle timeout) -> idleEvents
 *             -> [sb worker] dispatcher -> [sb worker] departure -> exceptions
 * outbound: flushConsolidation -> frameEncoder
 * </pre>
 *
 * The decoder frames {@code MSG} payloads and closes, through the dispatcher, a payload
 * over 1664 bytes (msnp.md §2.5). The dispatcher and the departure handler share the
 * worker pinned to the channel, which owns its {@link SwitchboardSession}; rooms run on
 * workers of the same group (STYLE.md P9). Lines written from a room's executor are
 * flushed in batches by Netty's {@code FlushConsolidationHandler}: one write to the
 * socket per burst of relayed lines rather than one per line (three times the throughput
 * to 10-party rooms in {@code SwitchboardBenchmark}). Sharable: one instance serves every
 * connection.
 */
@Sharable
public final class SwitchboardChannelInitializer extends ChannelInitializer<Channel> {

	/**
	 * The name of the handler that turns the flushes of many relayed lines into few
	 * writes to the socket.
	 */
	public static final String FLUSH_CONSOLIDATION = "sb.flushConsolidation";

	// Even in a continuous stream, lines reach the socket after at most this many
	// flushes.
	private static final int FLUSH_EVERY = 64;

	private final SwitchboardCommandParser parser = new SwitchboardCommandParser();

	private final DepartureHandler departures = new DepartureHandler();

	private final EventExecutorGroup workers;

	private final CommandRegistry<SwitchboardSession, SwitchboardCommand> commands;

	private final Disconnector disconnector;

	private final IdlePhases idle;

	private final ProtocolExceptionHandler exceptions;

	public SwitchboardChannelInitializer(EventExecutorGroup workers,
			CommandRegistry<SwitchboardSession, SwitchboardCommand> commands, Disconnector disconnector,
			IdlePhases idle, ProtocolExceptionHandler exceptions) {
		this.workers = workers;
		this.commands = commands;
		this.disconnector = disconnector;
		this.idle = idle;
		this.exceptions = exceptions;
	}

	@Override
	protected void initChannel(Channel channel) {
		ChannelPipeline pipeline = channel.pipeline();
		pipeline
			.addLast(HandlerNames.FRAME_DECODER,
					new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.SWITCHBOARD_INBOUND))
			.addLast(HandlerNames.FRAME_ENCODER, MsnpFrameEncoder.INSTANCE)
			.addLast(FLUSH_CONSOLIDATION, new FlushConsolidationHandler(FLUSH_EVERY, true));
		this.idle.install(pipeline);
		pipeline
			.addLast(this.workers, HandlerNames.DISPATCHER,
					new CommandDispatcher<>(SwitchboardSession::of, (frame, session) -> this.parser.parse(frame),
							this.commands, this.disconnector))
			.addLast(this.workers, DepartureHandler.NAME, this.departures)
			.addLast(HandlerNames.EXCEPTIONS, this.exceptions);
		channel.attr(SwitchboardSession.KEY)
			.set(new SwitchboardSession(channel, pipeline.context(HandlerNames.DISPATCHER).executor(),
					this.disconnector));
	}

}
