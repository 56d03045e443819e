package org.butterfly.server;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.util.AttributeKey;
import org.butterfly.protocol.pipeline.HandlerNames;

/**
 * The idle regimes of a connection (STYLE.md P8): a short reader-idle timeout until the
 * client has signed in, then the keep-alive timeout. The timer sits at
 * {@link HandlerNames#IDLE}, followed by the sharable {@link IdleTimeoutHandler} at
 * {@link #EVENTS}, both on the channel's event loop.
 * <p>
 * A reader-idle timer alone does not stop a client that sends one byte a second and never
 * completes a line (slowloris): the sign-in deadline closes a connection that has not
 * signed in within a fixed time however busy it keeps the line.
 * <p>
 * Immutable and shared by all connections of a server.
 */
public final class IdlePhases {

	/**
	 * The name of the {@link IdleTimeoutHandler} in the pipeline, right after
	 * {@link HandlerNames#IDLE}.
	 */
	public static final String EVENTS = "msnp.idleEvents";

	private static final AttributeKey<Future<?>> DEADLINE = AttributeKey.valueOf(IdlePhases.class, "signInDeadline");

	private final Duration preAuthentication;

	private final Duration keepAlive;

	private final Duration signInWithin;

	private final IdleTimeoutHandler events;

	public IdlePhases(Duration preAuthentication, Duration keepAlive, IdleTimeoutHandler events) {
		this(preAuthentication, keepAlive, ListenerProperties.Limits.NONE.signInWithin(), events);
	}

	public IdlePhases(Duration preAuthentication, Duration keepAlive, Duration signInWithin,
			IdleTimeoutHandler events) {
		this.preAuthentication = preAuthentication;
		this.keepAlive = keepAlive;
		this.signInWithin = signInWithin;
		this.events = events;
	}

	/** The timeouts a listener is configured with. */
	public static IdlePhases of(ListenerProperties listener, IdleTimeoutHandler events) {
		return new IdlePhases(listener.idle().preAuthentication(), listener.idle().keepAlive(),
				listener.limits().signInWithin(), events);
	}

	/**
	 * Adds the pre-authentication timer and the idle-event handler at the end of the
	 * pipeline; call it from {@code initChannel}, after the frame codec.
	 */
	public void install(ChannelPipeline pipeline) {
		pipeline.addLast(HandlerNames.IDLE, new PhaseIdleStateHandler("before sign-in", this.preAuthentication))
			.addLast(EVENTS, this.events);
		Channel channel = pipeline.channel();
		Future<?> deadline = channel.eventLoop()
			.schedule(() -> this.events.deadlineMissed(channel, this.signInWithin), this.signInWithin.toMillis(),
					TimeUnit.MILLISECONDS);
		channel.attr(DEADLINE).set(deadline);
		channel.closeFuture().addListener((closed) -> deadline.cancel(false));
	}

	/**
	 * Replaces the pre-authentication timer with the keep-alive one, once the client has
	 * signed in. Safe from any thread; does nothing once the connection is gone.
	 */
	public void enterKeepAlive(Channel channel) {
		// Swapping a handler from a worker thread races the frames the event loop is
		// still passing through it and
		// can reorder pipelined commands: the swap always happens on the channel's own
		// event loop.
		if (!channel.eventLoop().inEventLoop()) {
			channel.eventLoop().execute(() -> enterKeepAlive(channel));
			return;
		}
		Future<?> deadline = channel.attr(DEADLINE).getAndSet(null);
		if (deadline != null) {
			deadline.cancel(false);
		}
		ChannelPipeline pipeline = channel.pipeline();
		if (!channel.isActive() || pipeline.context(HandlerNames.IDLE) == null) {
			return;
		}
		try {
			pipeline.replace(HandlerNames.IDLE, HandlerNames.IDLE,
					new PhaseIdleStateHandler("keep-alive after sign-in", this.keepAlive));
		}
		catch (NoSuchElementException ex) {
			// the connection closed between the check and the swap: nothing to guard
		}
	}

}
