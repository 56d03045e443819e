package org.butterfly.switchboard.config;

import java.time.Clock;
import java.util.List;

import org.butterfly.protocol.command.SwitchboardCommand;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.dispatch.CommandRegistry;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;
import org.butterfly.server.IdlePhases;
import org.butterfly.server.IdleTimeoutHandler;
import org.butterfly.server.ListenerProperties;
import org.butterfly.server.NettyServer;
import org.butterfly.server.SessionDrainer;
import org.butterfly.switchboard.invite.CalHandler;
import org.butterfly.switchboard.invite.InMemoryRinger;
import org.butterfly.switchboard.join.AnsHandler;
import org.butterfly.switchboard.join.SwitchboardTickets;
import org.butterfly.switchboard.join.UsrHandler;
import org.butterfly.switchboard.leave.OutHandler;
import org.butterfly.switchboard.messaging.MsgHandler;
import org.butterfly.switchboard.pipeline.SwitchboardChannelInitializer;
import org.butterfly.switchboard.room.RoomRegistry;
import org.butterfly.switchboard.session.SwitchboardSession;
import org.butterfly.tickets.ReplayGuard;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;
import org.butterfly.tickets.TicketVerifier;
import org.butterfly.tickets.ring.Ringer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the switchboard (beans of shared types are named {@code switchboard...} and
 * injected by name, so the switchboard can share a JVM with a notification server): the
 * tickets, the rooms, one handler per {@link SwitchboardCommand} (the registry checks
 * completeness at start-up) and the listener. Without a {@link Ringer} bean from a
 * notification server in the same JVM, an {@link InMemoryRinger} with nobody online
 * answers every {@code CAL}. No database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SwitchboardProperties.class)
public class SwitchboardServerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SwitchboardServerConfiguration.class);

	/**
	 * For development only: every switchboard and notification server started without a
	 * key shares it, so tickets are forgeable by anyone who reads this file.
	 */
	static final String DEVELOPMENT_KEY = "butterfly-development-ticket-key-do-not-use-in-production";

	private final Clock clock = Clock.systemUTC();

	@Bean
	TicketKeys switchboardTicketKeys(SwitchboardProperties properties) {
		List<String> keys = properties.tickets().secretKeys();
		if (keys.isEmpty()) {
			logger.warn("BUTTERFLY_SECRET_KEY is not set: switchboard tickets are signed with the public development"
					+ " key and can be forged; set a secret of at least {} bytes", TicketKeys.MIN_SECRET_BYTES);
			return TicketKeys.of(DEVELOPMENT_KEY);
		}
		return TicketKeys.of(keys);
	}

	@Bean
	SwitchboardTickets switchboardTickets(SwitchboardProperties properties, TicketKeys switchboardTicketKeys,
			@Qualifier("switchboardListener") ObjectProvider<NettyServer> switchboardListener) {
		SwitchboardProperties.Tickets tickets = properties.tickets();
		// Resolved per use: the listener knows its port only once bound.
		return new SwitchboardTickets(new TicketIssuer(switchboardTicketKeys, tickets.lifetime(), this.clock),
				new TicketVerifier(switchboardTicketKeys, this.clock, new ReplayGuard(tickets.replayCapacity())),
				() -> switchboardListener.getObject().advertisedAddress().toString());
	}

	@Bean
	RoomRegistry roomRegistry(SwitchboardProperties properties, Disconnector disconnector) {
		return new RoomRegistry(properties.rooms().toLimits(properties.tickets().lifetime()), disconnector, this.clock);
	}

	@Bean
	IdlePhases switchboardIdlePhases(SwitchboardProperties properties, IdleTimeoutHandler idleTimeoutHandler) {
		return IdlePhases.of(properties.listener(), idleTimeoutHandler);
	}

	@Bean
	UsrHandler usrHandler(SwitchboardTickets tickets, RoomRegistry rooms, IdlePhases switchboardIdlePhases) {
		return new UsrHandler(tickets, rooms, switchboardIdlePhases);
	}

	@Bean
	AnsHandler ansHandler(SwitchboardTickets tickets, RoomRegistry rooms, IdlePhases switchboardIdlePhases) {
		return new AnsHandler(tickets, rooms, switchboardIdlePhases);
	}

	/**
	 * {@code CAL} rings through the {@link Ringer} of a notification server in this JVM,
	 * or, without one, through an empty {@link InMemoryRinger} (nobody can be invited).
	 * Looked up here rather than defaulted with a conditional bean, which would depend on
	 * the order in which configurations are read.
	 */
	@Bean
	CalHandler calHandler(ObjectProvider<Ringer> ringers, SwitchboardTickets tickets,
			SwitchboardProperties properties) {
		Ringer ringer = ringers.getIfUnique(() -> {
			logger.info("no notification server in this JVM: every CAL is answered 217 until one provides a Ringer");
			return new InMemoryRinger();
		});
		return new CalHandler(ringer, tickets, properties.calls().toPolicy(), this.clock);
	}

	@Bean
	MsgHandler msgHandler() {
		return new MsgHandler();
	}

	@Bean
	OutHandler outHandler() {
		return new OutHandler();
	}

	@Bean
	CommandRegistry<SwitchboardSession, SwitchboardCommand> switchboardCommands(
			List<CommandHandler<SwitchboardSession, ?>> handlers) {
		return new CommandRegistry<>(SwitchboardCommand.class, handlers);
	}

	/**
	 * The MSNP listener; stopping it closes the remaining connections, which the rooms
	 * see as departures.
	 */
	@Bean
	NettyServer switchboardListener(SwitchboardProperties properties,
			CommandRegistry<SwitchboardSession, SwitchboardCommand> switchboardCommands, Disconnector disconnector,
			IdlePhases switchboardIdlePhases, ProtocolExceptionHandler protocolExceptionHandler) {
		ListenerProperties listener = properties.listener();
		return new NettyServer("sb", listener,
				(workers) -> new SwitchboardChannelInitializer(workers, switchboardCommands, disconnector,
						switchboardIdlePhases, protocolExceptionHandler),
				SessionDrainer.closeAll(disconnector), disconnector);
	}

}
