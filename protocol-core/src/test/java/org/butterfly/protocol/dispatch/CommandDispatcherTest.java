package org.butterfly.protocol.dispatch;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import org.butterfly.protocol.command.ClientCommands.Ans;
import org.butterfly.protocol.command.ClientCommands.Cal;
import org.butterfly.protocol.command.ClientCommands.Msg;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.SbUsr;
import org.butterfly.protocol.command.SwitchboardCommand;
import org.butterfly.protocol.command.SwitchboardCommandParser;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.HandlerNames;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.testing.NettyLeakDetection;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.wire.MsnpFrameDecoder;
import org.butterfly.protocol.wire.MsnpFrameEncoder;
import org.butterfly.protocol.wire.PayloadRules;
import org.butterfly.protocol.wire.WireLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The dispatch framework on a toy switchboard, over TCP and the in-JVM transport, driven
 * by golden transcripts (which also tests the transcript runner): order of pipelined
 * commands, handlers off the I/O threads, error replies, closes.
 */
@ExtendWith(NettyLeakDetection.class)
class CommandDispatcherTest {

	static final AttributeKey<ToySession> SESSION = AttributeKey.valueOf("toy");

	static final Set<String> handlerThreads = ConcurrentHashMap.newKeySet();

	static EventLoopGroup tcpGroup;

	static EventLoopGroup localGroup;

	static EventExecutorGroup workers;

	static Map<String, SocketAddress> endpoints;

	@BeforeAll
	static void start() {
		tcpGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		localGroup = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
		workers = new DefaultEventExecutorGroup(4);
		Disconnector disconnector = new Disconnector();
		CommandRegistry<ToySession, SwitchboardCommand> registry = new CommandRegistry<>(SwitchboardCommand.class, List
			.of(new UsrHandler(), new CalHandler(), new MsgHandler(), new AnsHandler(), new OutHandler(disconnector)));
		SwitchboardCommandParser parser = new SwitchboardCommandParser();
		ChannelInitializer<Channel> initializer = new ChannelInitializer<>() {
			@Override
			protected void initChannel(Channel ch) {
				ch.pipeline()
					.addLast(HandlerNames.FRAME_DECODER,
							new MsnpFrameDecoder(WireLimits.SERVER, PayloadRules.SWITCHBOARD_INBOUND))
					.addLast(HandlerNames.FRAME_ENCODER, MsnpFrameEncoder.INSTANCE)
					// pipelined commands reach the dispatcher in batches, as on the
					// servers
					.addLast(FrameBatcher.NAME, new FrameBatcher())
					.addLast(workers, HandlerNames.DISPATCHER,
							new CommandDispatcher<>((c) -> c.attr(SESSION).get(),
									(frame, session) -> parser.parse(frame), registry, disconnector))
					.addLast(HandlerNames.EXCEPTIONS, new ProtocolExceptionHandler(disconnector));
				ch.attr(SESSION).set(new ToySession(ch, ch.pipeline().context(HandlerNames.DISPATCHER).executor()));
			}
		};
		Channel tcp = new ServerBootstrap().group(tcpGroup)
			.channel(NioServerSocketChannel.class)
			.childHandler(initializer)
			.bind(new InetSocketAddress("127.0.0.1", 0))
			.syncUninterruptibly()
			.channel();
		Channel local = new ServerBootstrap().group(localGroup)
			.channel(LocalServerChannel.class)
			.childHandler(initializer)
			.bind(new LocalAddress("toy"))
			.syncUninterruptibly()
			.channel();
		endpoints = Map.of("tcp", tcp.localAddress(), "local", local.localAddress());
	}

	@AfterAll
	static void stop() {
		tcpGroup.shutdownGracefully();
		localGroup.shutdownGracefully();
		workers.shutdownGracefully();
	}

	@Test
	void pipelinedCommandsAreHandledInOrderOffTheEventLoopOverTcpAndInJvm() {
		for (String transport : List.of("tcp", "local")) {
			StringBuilder script = new StringBuilder("CONNECT a " + transport + "\n");
			StringBuilder raw = new StringBuilder("USR 1 a@b.c cookie\\r\\n");
			for (int i = 2; i <= 60; i++) {
				raw.append("CAL ").append(i).append(" x").append(i).append("@b.c\\r\\n");
			}
			script.append("RAW: ").append(raw).append('\n');
			script.append("S= USR 1 OK a@b.c a\n");
			for (int i = 2; i <= 60; i++) {
				script.append("S= CAL ").append(i).append(" RINGING ").append(i).append('\n');
			}
			script.append("C: MSG 61 A ${len}\nP: Hello\nP: \nS: ACK 61\nC: OUT\nCLOSED\n");
			new TranscriptRunner(endpoints)
				.run(org.butterfly.protocol.testing.Transcript.parse(transport, script.toString()));
		}
		assertThat(handlerThreads).isNotEmpty().noneMatch((name) -> name.contains("MultiThreadIoEventLoopGroup"));
	}

	@Test
	void refusalsAreAnsweredAndViolationsClose() {
		new TranscriptRunner(endpoints).run(org.butterfly.protocol.testing.Transcript.parse("errors", """
				CONNECT a local
				# the state gate: only USR and ANS before sign-in
				C: CAL 1 x@y.z
				CLOSED
				CONNECT b tcp
				C: ANS 2 b@c.d cookie 1
				S: 911 2
				CLOSED
				CONNECT c tcp
				C: USR 3 c@d.e cookie
				S: USR 3 OK c@d.e c
				C: CAL 4 nobody
				S: 208 4
				# an unknown verb closes without a reply
				C: FOO 5
				CLOSED
				CONNECT d local
				C: USR 6 d@e.f cookie
				S: USR 6 OK d@e.f d
				# framing: a payload over the limit
				C: MSG 7 N 99999
				CLOSED
				"""));
	}

	@Test
	void theRegistryRefusesAnIncompleteOrAmbiguousHandlerSet() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new CommandRegistry<ToySession, SwitchboardCommand>(SwitchboardCommand.class,
					List.of(new UsrHandler(), new CalHandler())))
			.withMessageContaining("no handler for");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new CommandRegistry<ToySession, SwitchboardCommand>(SwitchboardCommand.class,
							List.of(new UsrHandler(), new UsrHandler(), new CalHandler(), new MsgHandler(),
									new AnsHandler(), new OutHandler(new Disconnector()))))
			.withMessageContaining("two handlers");
	}

	static final class ToySession implements ProtocolSession {

		private final Channel channel;

		private final EventExecutor executor;

		private boolean signedIn;

		ToySession(Channel channel, EventExecutor executor) {
			this.channel = channel;
			this.executor = executor;
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
			return this.signedIn || verb.equals("USR") || verb.equals("ANS");
		}

	}

	static final class UsrHandler implements CommandHandler<ToySession, SbUsr> {

		@Override
		public Class<SbUsr> commandType() {
			return SbUsr.class;
		}

		@Override
		public void handle(ToySession session, SbUsr command) {
			assertThat(session.executor().inEventLoop()).isTrue();
			session.signedIn = true;
			session.send(Replies.sbUsrOk(command.trId(), command.handle(), command.handle().substring(0, 1)));
		}

	}

	static final class CalHandler implements CommandHandler<ToySession, Cal> {

		@Override
		public Class<Cal> commandType() {
			return Cal.class;
		}

		@Override
		public void handle(ToySession session, Cal command) {
			handlerThreads.add(Thread.currentThread().getName());
			if (!command.handle().contains("@")) {
				session.send(Replies.error(ErrorCode.INVALID_USERNAME, command.trId()));
				return;
			}
			try {
				Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // blocking work
																		// must not
																		// reorder replies
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			session.send(Replies.calRinging(command.trId(), command.trId()));
		}

	}

	static final class MsgHandler implements CommandHandler<ToySession, Msg> {

		@Override
		public Class<Msg> commandType() {
			return Msg.class;
		}

		@Override
		public void handle(ToySession session, Msg command) {
			assertThat(new String(command.payload())).isEqualTo("Hello\r\n");
			session.send(Replies.ack(command.trId()));
		}

	}

	static final class AnsHandler implements CommandHandler<ToySession, Ans> {

		@Override
		public Class<Ans> commandType() {
			return Ans.class;
		}

		@Override
		public void handle(ToySession session, Ans command) {
			new Disconnector().close(session.channel(), CloseReason.of(CloseReason.Kind.REFUSED, "bad cookie"),
					Replies.error(ErrorCode.AUTHENTICATION_FAILED, command.trId()));
		}

	}

	static final class OutHandler implements CommandHandler<ToySession, Out> {

		private final Disconnector disconnector;

		OutHandler(Disconnector disconnector) {
			this.disconnector = disconnector;
		}

		@Override
		public Class<Out> commandType() {
			return Out.class;
		}

		@Override
		public void handle(ToySession session, Out command) {
			this.disconnector.close(session.channel(), CloseReason.of(CloseReason.Kind.CLIENT_QUIT, "OUT"));
		}

	}

}
