package org.butterfly.benchmarks.switchboard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicReference;

import org.butterfly.protocol.command.SwitchboardCommand;
import org.butterfly.protocol.dispatch.CommandRegistry;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.server.IdlePhases;
import org.butterfly.server.IdleTimeoutHandler;
import org.butterfly.server.ListenerProperties;
import org.butterfly.server.NettyServer;
import org.butterfly.server.SessionDrainer;
import org.butterfly.switchboard.invite.CalHandler;
import org.butterfly.switchboard.invite.CallPolicy;
import org.butterfly.switchboard.invite.InMemoryRinger;
import org.butterfly.switchboard.join.AnsHandler;
import org.butterfly.switchboard.join.SwitchboardTickets;
import org.butterfly.switchboard.join.UsrHandler;
import org.butterfly.switchboard.leave.OutHandler;
import org.butterfly.switchboard.messaging.MsgHandler;
import org.butterfly.switchboard.pipeline.SwitchboardChannelInitializer;
import org.butterfly.switchboard.room.RoomLimits;
import org.butterfly.switchboard.room.RoomRegistry;
import org.butterfly.switchboard.session.SwitchboardSession;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;
import org.butterfly.tickets.TicketVerifier;

import org.springframework.util.unit.DataSize;

/**
 * One switchboard node assembled the way its Spring configuration does it, with the
 * default limits of {@code application.properties}, an {@link InMemoryRinger} as the
 * notification side, and no Spring (nothing but the MSNP listener is measured).
 */
final class SwitchboardNode implements AutoCloseable {

	static final String KEY = "benchmark-ticket-key-0123456789-0123456789";

	final InMemoryRinger ringer = new InMemoryRinger();

	final TicketIssuer issuer = new TicketIssuer(TicketKeys.of(KEY));

	final NettyServer server;

	/** Connections the node closed itself, by reason: a slow consumer would show here. */
	final Map<CloseReason.Kind, LongAdder> closes = new ConcurrentHashMap<>();

	SwitchboardNode(int ioThreads, int workerThreads) {
		Disconnector disconnector = new Disconnector(
				(channel, reason) -> this.closes.computeIfAbsent(reason.kind(), (kind) -> new LongAdder()).increment());
		TicketKeys keys = TicketKeys.of(KEY);
		Clock clock = Clock.systemUTC();
		ListenerProperties listener = new ListenerProperties("127.0.0.1", 0, "127.0.0.1", 0, false, null, ioThreads,
				workerThreads, 1024, new ListenerProperties.Idle(Duration.ofSeconds(60), Duration.ofMinutes(5)),
				Duration.ofSeconds(1),
				new ListenerProperties.WriteBuffer(DataSize.ofKilobytes(32), DataSize.ofKilobytes(64)),
				ListenerProperties.Limits.NONE);
		AtomicReference<NettyServer> self = new AtomicReference<>();
		SwitchboardTickets tickets = new SwitchboardTickets(this.issuer, new TicketVerifier(keys),
				() -> self.get().advertisedAddress().toString());
		RoomRegistry rooms = new RoomRegistry(
				new RoomLimits(20, 10, DataSize.ofMegabytes(1).toBytes(), Duration.ofSeconds(60)), disconnector, clock);
		IdlePhases idle = IdlePhases.of(listener, new IdleTimeoutHandler(disconnector));
		CommandRegistry<SwitchboardSession, SwitchboardCommand> commands = new CommandRegistry<>(
				SwitchboardCommand.class,
				List.of(new UsrHandler(tickets, rooms, idle), new AnsHandler(tickets, rooms, idle),
						new CalHandler(this.ringer, tickets,
								new CallPolicy(1000, Duration.ofSeconds(60), ErrorCode.PRINCIPAL_NOT_ONLINE), clock),
						new MsgHandler(), new OutHandler()));
		ProtocolExceptionHandler exceptions = new ProtocolExceptionHandler(disconnector);
		this.server = new NettyServer("sb", listener,
				(workers) -> new SwitchboardChannelInitializer(workers, commands, disconnector, idle, exceptions),
				SessionDrainer.closeAll(disconnector));
		self.set(this.server);
		this.server.start();
	}

	String address() {
		return this.server.advertisedAddress().toString();
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
