package org.butterfly.switchboard.config;

import java.time.Clock;
import java.util.List;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.NodeIds;
import org.butterfly.cluster.NodeMembership;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.OnlineSession;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.Subscription;
import org.butterfly.cluster.config.ClusterConfiguration;
import org.butterfly.cluster.config.ClusterProperties;
import org.butterfly.cluster.config.MembershipLifecycle;
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
import org.butterfly.switchboard.invite.ClusterRinger;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the switchboard (beans of shared types are named {@code switchboard...} and
 * injected by name, so the switchboard can share a JVM with a notification server): the
 * tickets, the rooms, one handler per {@link SwitchboardCommand} (the registry checks
 * completeness at start-up), the listener, and the node's place in the cluster: it
 * registers as a switchboard node (the notification servers hand it out in
 * {@code XFR SB}) and rings callees over the cluster bus with a {@link ClusterRinger}. It
 * keeps no data of its own: the cluster's tables are all it reads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SwitchboardProperties.class)
@Import(ClusterConfiguration.class)
public class SwitchboardServerConfiguration {

	private final Clock clock = Clock.systemUTC();

	@Bean
	TicketKeys switchboardTicketKeys(SwitchboardProperties properties) {
		return TicketKeys.configuredOrDevelopment(properties.tickets().secretKeys(), "switchboard");
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

	/** Rings as this node, whose id in the cluster is new at each start. */
	@Bean
	ClusterRinger switchboardRinger(SessionDirectory clusterSessionDirectory, ClusterBus clusterBus,
			SwitchboardProperties properties) {
		return new ClusterRinger(NodeIds.random(NodeRegistry.SWITCHBOARD), clusterSessionDirectory, clusterBus,
				properties.calls().ringTimeout());
	}

	/** Answers to rings flow from the start, before any client can call. */
	@Bean(destroyMethod = "close")
	Subscription switchboardSubscription(ClusterBus clusterBus, ClusterRinger switchboardRinger) {
		return clusterBus.subscribe(switchboardRinger.node(), switchboardRinger);
	}

	/**
	 * Registered with its advertised address and its number of rooms as its load. It
	 * holds no sessions of the directory, so it leaves reaping expired nodes to the
	 * notification servers, which tell the watchers.
	 */
	@Bean
	MembershipLifecycle switchboardMembership(ClusterRinger switchboardRinger, NodeRegistry clusterNodeRegistry,
			ClusterProperties cluster, RoomRegistry roomRegistry,
			@Qualifier("switchboardListener") ObjectProvider<NettyServer> switchboardListener) {
		NodeMembership membership = new NodeMembership(clusterNodeRegistry, switchboardRinger.node(),
				NodeRegistry.SWITCHBOARD, () -> switchboardListener.getObject().advertisedAddress().toString(),
				roomRegistry::size, cluster.heartbeat(), cluster.expiry(), new NodeMembership.Listener() {
					@Override
					public void ended(List<OnlineSession> sessions) {
					}

					@Override
					public boolean reapsExpiredNodes() {
						return false;
					}
				});
		return new MembershipLifecycle(membership, NettyServer.PHASE);
	}

	/** {@code CAL} rings through the {@link ClusterRinger}, or a test's primary one. */
	@Bean
	CalHandler calHandler(Ringer ringer, SwitchboardTickets tickets, SwitchboardProperties properties) {
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
