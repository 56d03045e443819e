package org.butterfly.dispatch.config;

import java.util.List;

import org.butterfly.dispatch.connection.OutHandler;
import org.butterfly.dispatch.connection.PngHandler;
import org.butterfly.dispatch.negotiation.CvqHandler;
import org.butterfly.dispatch.negotiation.CvrHandler;
import org.butterfly.dispatch.negotiation.InfHandler;
import org.butterfly.dispatch.negotiation.VerHandler;
import org.butterfly.dispatch.negotiation.VersionCheck;
import org.butterfly.dispatch.pipeline.DispatchChannelInitializer;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.config.ClusterConfiguration;
import org.butterfly.cluster.config.ClusterProperties;
import org.butterfly.dispatch.referral.NotificationNodeSelector;
import org.butterfly.dispatch.referral.RegistryNotificationNodeSelector;
import org.butterfly.dispatch.referral.StaticNotificationNodeSelector;
import org.butterfly.dispatch.referral.UsrHandler;
import org.butterfly.dispatch.session.DispatchSession;
import org.butterfly.protocol.command.DispatchCommand;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.dispatch.CommandRegistry;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.pipeline.ProtocolExceptionHandler;
import org.butterfly.server.IdleTimeoutHandler;
import org.butterfly.server.IdlePhases;
import org.butterfly.server.ListenerProperties;
import org.butterfly.server.NettyServer;
import org.butterfly.server.SessionDrainer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the dispatch server: one handler per {@link DispatchCommand} (the registry checks
 * completeness at start-up), the node selector and the listener.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
@Import(ClusterConfiguration.class)
public class DispatchServerConfiguration {

	/** The name of the dispatch server's {@link NettyServer} bean. */
	public static final String LISTENER = "dispatchListener";

	/**
	 * The least-loaded live node of the registry when the cluster is in PostgreSQL, else
	 * the configured list.
	 */
	@Bean
	NotificationNodeSelector notificationNodeSelector(DispatchProperties properties, ClusterProperties cluster,
			NodeRegistry clusterNodeRegistry) {
		if (cluster.mode() == ClusterProperties.Mode.POSTGRES) {
			return new RegistryNotificationNodeSelector(clusterNodeRegistry, cluster.heartbeat().dividedBy(2),
					properties.listener().allowHostnames());
		}
		return new StaticNotificationNodeSelector(properties.notificationAddresses());
	}

	@Bean
	VerHandler verHandler() {
		return new VerHandler();
	}

	@Bean
	InfHandler infHandler() {
		return new InfHandler();
	}

	@Bean
	CvrHandler cvrHandler(DispatchProperties properties) {
		return new CvrHandler(versionCheck(properties));
	}

	@Bean
	CvqHandler cvqHandler(DispatchProperties properties) {
		return new CvqHandler(versionCheck(properties));
	}

	@Bean
	UsrHandler usrHandler(NotificationNodeSelector nodes, @Qualifier(LISTENER) ObjectProvider<NettyServer> listener) {
		// Resolved per referral: the listener knows its port only once bound. By name,
		// because a one-JVM deployment has one listener per role.
		return new UsrHandler(nodes, () -> listener.getObject().advertisedAddress());
	}

	@Bean
	PngHandler pngHandler() {
		return new PngHandler();
	}

	@Bean
	OutHandler outHandler() {
		return new OutHandler();
	}

	@Bean
	CommandRegistry<DispatchSession, DispatchCommand> dispatchCommands(
			List<CommandHandler<DispatchSession, ?>> handlers) {
		return new CommandRegistry<>(DispatchCommand.class, handlers);
	}

	/** The MSNP listener; stopping it simply closes the remaining connections. */
	@Bean(LISTENER)
	NettyServer dispatchListener(DispatchProperties properties,
			CommandRegistry<DispatchSession, DispatchCommand> dispatchCommands, Disconnector disconnector,
			IdleTimeoutHandler idleTimeoutHandler, ProtocolExceptionHandler protocolExceptionHandler) {
		ListenerProperties listener = properties.listener();
		IdlePhases idle = IdlePhases.of(listener, idleTimeoutHandler);
		return new NettyServer(
				"ds", listener, (dispatchers) -> new DispatchChannelInitializer(dispatchers, dispatchCommands,
						disconnector, idle, protocolExceptionHandler),
				SessionDrainer.closeAll(disconnector), disconnector);
	}

	private static VersionCheck versionCheck(DispatchProperties properties) {
		return properties.versionCheck().toVersionCheck();
	}

}
