package org.butterfly.notification.pipeline;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.util.concurrent.EventExecutorGroup;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.protocol.command.NotificationCommand;
import org.butterfly.protocol.command.NotificationCommandParser;
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
 * The notification server's pipeline, the same for TCP and in-JVM connections:
 *
 * <pre>
 * frameDecoder -> frameEncoder -> idle -> idleEvents -> [dispatchers] dispatcher -> exceptions
 * </pre>
 *
 * The decoder frames {@code SDC PAG QRY} payloads within {@link WireLimits#SERVER}; the
 * dispatcher runs on one executor of {@code dispatchers}, pinned to the channel, which is
 * also the {@link NotificationSession}'s executor. When the connection ends, the
 * {@code closed} callback runs on that executor, after every command already handled.
 */
@Sharable
public final class NotificationChannelInitializer extends ChannelInitializer<Channel> {

	private final EventExecutorGroup dispatchers;

	private final CommandRegistry<NotificationSession, NotificationCommand> registry;

	private final NotificationCommandParser parser = new NotificationCommandParser();

	private final Disconnector disconnector;

	private final NotificationFailures failures;

	private final IdlePhases idle;

	private final Consumer<NotificationSession> closed;

	public NotificationChannelInitializer(EventExecutorGroup dispatchers,
			CommandRegistry<NotificationSession, NotificationCommand> registry, Disconnector disconnector,
			IdlePhases idle, Consumer<NotificationSession> closed) {
		this.dispatchers = dispatchers;
		this.registry = registry;
		this.disconnector = disconnector;
		this.failures = new NotificationFailures(disconnector);
		this.idle = idle;
		this.closed = closed;
	}

	@Override
	protected void initChannel(Channel channel) {
		channel.pipeline()
			.addLast(HandlerNames.FRAME_DECODER,
					new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.NOTIFICATION_INBOUND))
			.addLast(HandlerNames.FRAME_ENCODER, MsnpFrameEncoder.INSTANCE);
		this.idle.install(channel.pipeline());
		channel.pipeline()
			.addLast(this.dispatchers, HandlerNames.DISPATCHER,
					new CommandDispatcher<>(NotificationSession::of,
							(frame, session) -> this.parser.parse(frame, session.dialect()), this.registry,
							this.disconnector, this.failures))
			.addLast(HandlerNames.EXCEPTIONS, new ProtocolExceptionHandler(this.disconnector));
		NotificationSession session = NotificationSession.install(channel,
				channel.pipeline().context(HandlerNames.DISPATCHER).executor());
		channel.closeFuture().addListener((future) -> {
			try {
				session.executor().execute(() -> this.closed.accept(session));
			}
			catch (RejectedExecutionException stopping) {
				// The workers are gone: the node is stopping, and its sessions with it.
			}
		});
	}

}
