package org.butterfly.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.Verb;
import org.butterfly.protocol.wire.Frame;

/**
 * Counts what crosses one listener's wire, from the frames themselves, so no handler has
 * to be instrumented (docs/operations.md, "Metrics"): commands by verb, error replies by
 * the verb they answer and their code, sign-ins and their failures, signed-in sessions by
 * dialect, and closes by {@link CloseReason} ({@code client_hangup} when the client went
 * first). It also notes the account a connection signed in as, for the log context.
 * <p>
 * Sits after the frame encoder, on the channel's event loop: it sees decoded frames going
 * in and frames coming out before they are encoded. Its per-connection state (which
 * transaction ids await a reply) lives on the channel and is touched only on that loop.
 * Tag values come from the server's vocabularies, never from what a client typed: an
 * unknown verb is counted as {@code unknown}.
 */
@Sharable
final class ConnectionMetrics extends ChannelDuplexHandler {

	/** The account the connection signed in as ({@code USR … OK <account>}). */
	static final AttributeKey<String> ACCOUNT = AttributeKey.valueOf(ConnectionMetrics.class, "account");

	private static final AttributeKey<Conversation> CONVERSATION = AttributeKey.valueOf(ConnectionMetrics.class,
			"conversation");

	/** Commands awaiting their reply that a connection may pipeline before we forget. */
	private static final int PENDING_LIMIT = 32;

	private static final String NO_DIALECT = "none";

	private final MeterRegistry registry;

	private final Tags tags;

	private final Counter opened;

	private final ConcurrentMap<String, AtomicInteger> sessions = new ConcurrentHashMap<>();

	/**
	 * @param registry where the meters go
	 * @param role the listener's role, e.g. {@code ns}
	 * @param node the listener's advertised address, which tells nodes apart
	 */
	ConnectionMetrics(MeterRegistry registry, String role, String node) {
		this.registry = registry;
		this.tags = Tags.of("role", role, "node", node);
		this.opened = Counter.builder("butterfly.connections.opened")
			.description("Client connections accepted")
			.tags(this.tags)
			.register(registry);
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		this.opened.increment();
		super.channelActive(ctx);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof Frame frame) {
			String verb = Verb.fromToken(frame.verb()).map(Verb::name).orElse("unknown");
			count("butterfly.commands", "Commands received", Tags.of("verb", verb));
			if (!frame.tokens().isEmpty()) {
				conversation(ctx.channel()).pending.put(frame.token(0), verb);
			}
		}
		super.channelRead(ctx, msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof Frame frame && !frame.tokens().isEmpty()) {
			replied(ctx.channel(), frame);
		}
		super.write(ctx, msg, promise);
	}

	private void replied(Channel channel, Frame frame) {
		Conversation conversation = conversation(channel);
		String answered = conversation.pending.remove(frame.token(0));
		if (frame.verb().equals("VER") && frame.tokens().size() > 1) {
			conversation.dialect = dialect(frame.token(1));
		}
		else if (isErrorCode(frame.verb())) {
			String reason = reason(frame.verb());
			count("butterfly.command.errors", "Error replies, by the verb they answer and their code",
					Tags.of("verb", (answered != null) ? answered : "none", "code", frame.verb()));
			if ("USR".equals(answered)) {
				count("butterfly.sign.ins", "Sign-in attempts that ended, by result", Tags.of("result", "failed"));
				count("butterfly.sign.in.failures", "Refused sign-ins, by reason", Tags.of("reason", reason));
			}
		}
		else if (frame.verb().equals("USR") && frame.tokens().size() > 2 && frame.token(1).equals("OK")
				&& conversation.signedIn == null) {
			count("butterfly.sign.ins", "Sign-in attempts that ended, by result", Tags.of("result", "ok"));
			conversation.signedIn = conversation.dialect;
			sessions(conversation.signedIn).incrementAndGet();
			channel.attr(ACCOUNT).set(frame.token(2));
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		CloseReason reason = Disconnector.reasonOf(ctx.channel());
		count("butterfly.closes", "Connections closed, by reason",
				Tags.of("reason", (reason != null) ? reason.kind().name().toLowerCase(Locale.ROOT) : "client_hangup"));
		Conversation conversation = ctx.channel().attr(CONVERSATION).get();
		if (conversation != null && conversation.signedIn != null) {
			sessions(conversation.signedIn).decrementAndGet();
		}
		super.channelInactive(ctx);
	}

	private void count(String name, String description, Tags extra) {
		Counter.builder(name).description(description).tags(this.tags).tags(extra).register(this.registry).increment();
	}

	private AtomicInteger sessions(String dialect) {
		return this.sessions.computeIfAbsent(dialect,
				(key) -> this.registry.gauge("butterfly.sessions", this.tags.and("dialect", key), new AtomicInteger()));
	}

	private static Conversation conversation(Channel channel) {
		Conversation conversation = channel.attr(CONVERSATION).get();
		if (conversation == null) {
			conversation = new Conversation();
			channel.attr(CONVERSATION).set(conversation);
		}
		return conversation;
	}

	/**
	 * A dialect the server chose ({@code MSNP2}…{@code MSNP7}); anything else is none.
	 */
	private static String dialect(String token) {
		return token.matches("MSNP[0-9]") ? token : NO_DIALECT;
	}

	private static boolean isErrorCode(String verb) {
		return verb.length() == 3 && Character.isDigit(verb.charAt(0)) && Character.isDigit(verb.charAt(1))
				&& Character.isDigit(verb.charAt(2));
	}

	/** {@code 911} is {@code authentication_failed}. */
	private static String reason(String code) {
		int number = Integer.parseInt(code);
		for (ErrorCode error : ErrorCode.values()) {
			if (error.code() == number) {
				return error.name().toLowerCase(Locale.ROOT);
			}
		}
		return "error_" + code;
	}

	/** One connection's commands awaiting a reply, and its sign-in. */
	private static final class Conversation {

		final Map<String, String> pending = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > PENDING_LIMIT;
			}

		};

		String dialect = NO_DIALECT;

		/** The dialect the connection signed in with; null before. */
		String signedIn;

	}

}
