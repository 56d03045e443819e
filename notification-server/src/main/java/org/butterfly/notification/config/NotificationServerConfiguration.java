package org.butterfly.notification.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.NodeIds;
import org.butterfly.cluster.NodeMembership;
import org.butterfly.cluster.NodeRegistry;
import org.butterfly.cluster.SessionDirectory;
import org.butterfly.cluster.Subscription;
import org.butterfly.cluster.config.ClusterConfiguration;
import org.butterfly.cluster.config.ClusterProperties;
import org.butterfly.cluster.config.MembershipLifecycle;
import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.directory.paging.PagingService;
import org.butterfly.directory.privacy.VisibilityService;
import org.butterfly.directory.search.MemberSearch;
import org.butterfly.notification.auth.Mailbox;
import org.butterfly.notification.auth.Salts;
import org.butterfly.notification.auth.SignInCommands;
import org.butterfly.notification.chat.RingAnswers;
import org.butterfly.notification.chat.SwitchboardReferrals;
import org.butterfly.notification.challenge.ChallengeCommands;
import org.butterfly.notification.auth.SignInThrottle;
import org.butterfly.notification.command.NotificationCommands;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.contacts.EffectPublisher;
import org.butterfly.notification.contacts.ListCommands;
import org.butterfly.notification.invitations.InvitationCommands;
import org.butterfly.notification.negotiation.NegotiationCommands;
import org.butterfly.notification.notices.NoticeDelivery;
import org.butterfly.notification.paging.OutboxPagerGateway;
import org.butterfly.notification.paging.PageCommands;
import org.butterfly.notification.paging.PagerGateway;
import org.butterfly.notification.pipeline.NotificationChannelInitializer;
import org.butterfly.notification.presence.ClusterPresence;
import org.butterfly.notification.presence.PresenceCommands;
import org.butterfly.notification.presence.PresenceService;
import org.butterfly.notification.services.MemberSearchCommands;
import org.butterfly.notification.services.ServiceCommands;
import org.butterfly.notification.services.ServiceUrls;
import org.butterfly.notification.session.NotificationSession;
import org.butterfly.notification.session.SessionEventReceiver;
import org.butterfly.notification.session.SessionRegistry;
import org.butterfly.protocol.command.NotificationCommand;
import org.butterfly.protocol.dispatch.CommandHandler;
import org.butterfly.protocol.dispatch.CommandRegistry;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.server.IdlePhases;
import org.butterfly.server.IdleTimeoutHandler;
import org.butterfly.server.NettyServer;
import org.butterfly.server.SessionDrainer;
import org.butterfly.tickets.TicketIssuer;
import org.butterfly.tickets.TicketKeys;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Assembles the notification server: its sessions in the cluster (registry, bus
 * subscription, membership with heartbeats), the features' command handlers in one
 * checked {@link CommandRegistry}, the pipeline, and the {@link NettyServer} that drains
 * live sessions with {@code OUT SSD} when the application stops (msnp.md §5.8).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NotificationProperties.class, ServiceProperties.class })
@Import(ClusterConfiguration.class)
public class NotificationServerConfiguration {

	@Bean
	Salts salts(ObjectProvider<Clock> clock) {
		return new Salts(clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SessionRegistry sessionRegistry(Disconnector disconnector, NotificationService notifications,
			VisibilityService visibility, SessionDirectory clusterSessionDirectory, ClusterBus clusterBus) {
		return new SessionRegistry(NodeIds.random(NodeRegistry.NOTIFICATION), clusterSessionDirectory, clusterBus,
				new SessionEventReceiver(disconnector, notifications, new RingAnswers(visibility, clusterBus)));
	}

	/** Caller tickets, signed with the keys every switchboard verifies with. */
	@Bean
	TicketIssuer notificationTicketIssuer(NotificationProperties properties) {
		NotificationProperties.Switchboards switchboards = properties.switchboards();
		return new TicketIssuer(TicketKeys.configuredOrDevelopment(switchboards.secretKeys(), "notification server"),
				switchboards.ticketLifetime(), Clock.systemUTC());
	}

	@Bean
	ClusterPresence clusterPresence(PresenceService presenceService, SessionRegistry sessionRegistry,
			Disconnector disconnector, NoticeDelivery noticeDelivery) {
		return new ClusterPresence(presenceService, sessionRegistry, disconnector, noticeDelivery);
	}

	/** Events from other nodes flow from the start, before any client can sign in. */
	@Bean(destroyMethod = "close")
	Subscription clusterSubscription(ClusterBus clusterBus, SessionRegistry sessionRegistry,
			ClusterPresence clusterPresence) {
		return clusterBus.subscribe(sessionRegistry.node(), clusterPresence);
	}

	@Bean
	NodeMembership nodeMembership(NodeRegistry clusterNodeRegistry, SessionRegistry sessionRegistry,
			ClusterProperties cluster, ObjectProvider<NettyServer> notificationServer,
			ClusterPresence clusterPresence) {
		return new NodeMembership(clusterNodeRegistry, sessionRegistry.node(), NodeRegistry.NOTIFICATION,
				() -> notificationServer.getObject().advertisedAddress().toString(), sessionRegistry::load,
				cluster.heartbeat(), cluster.expiry(), clusterPresence);
	}

	@Bean
	MembershipLifecycle clusterMembershipLifecycle(NodeMembership nodeMembership) {
		return new MembershipLifecycle(nodeMembership, NettyServer.PHASE);
	}

	@Bean
	PresenceService presenceService(SessionRegistry sessionRegistry, VisibilityService visibility) {
		return new PresenceService(sessionRegistry, visibility);
	}

	@Bean
	NoticeDelivery noticeDelivery(NotificationService notifications, SessionRegistry sessionRegistry) {
		return new NoticeDelivery(notifications, sessionRegistry);
	}

	@Bean
	IdlePhases idlePhases(NotificationProperties properties, Disconnector disconnector) {
		return IdlePhases.of(properties.listener(), new IdleTimeoutHandler(disconnector));
	}

	@Bean
	ChallengeCommands challengeCommands(ServiceProperties services, Salts salts, Disconnector disconnector) {
		ServiceProperties.Challenges challenges = services.challenges();
		return new ChallengeCommands(salts, new Refusals(disconnector), disconnector,
				new ChallengeCommands.Settings(challenges.enabled(), challenges.interval(), challenges.timeout()));
	}

	@Bean
	MemberSearchCommands memberSearchCommands(ServiceProperties services, MemberSearch memberSearch) {
		return new MemberSearchCommands(memberSearch, services.memberSearch().enabled(),
				services.memberSearch().maxResults());
	}

	/** The default pager gateway; a {@link PagerGateway} bean of the application wins. */
	@Bean
	PageCommands pageCommands(ServiceProperties services, PagingService paging, SessionRegistry sessionRegistry,
			ObjectProvider<PagerGateway> gateway, ObjectProvider<Clock> clock) {
		return new PageCommands(paging, gateway.getIfAvailable(() -> new OutboxPagerGateway(paging, sessionRegistry)),
				services.paging().maxPages(), services.paging().window(), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	CommandRegistry<NotificationSession, NotificationCommand> notificationCommands(NotificationProperties properties,
			Disconnector disconnector, AccountService accounts, ListService lists, SessionRegistry sessionRegistry,
			PresenceService presenceService, NoticeDelivery noticeDelivery, Salts salts, IdlePhases idlePhases,
			NodeRegistry clusterNodeRegistry, TicketIssuer notificationTicketIssuer, ObjectProvider<Clock> clock,
			ChallengeCommands challengeCommands, MemberSearchCommands memberSearchCommands, PageCommands pageCommands,
			InvitationCommands invitationCommands) {
		NotificationProperties.Urls urls = properties.urls();
		Refusals refusals = new Refusals(disconnector);
		List<NotificationCommands> features = List.of(
				new NegotiationCommands(disconnector, urls.download(), urls.info()),
				new SignInCommands(accounts, sessionRegistry, presenceService, refusals, salts,
						new Mailbox(urls.inbox(), urls.folders(), urls.post()), clock.getIfAvailable(Clock::systemUTC),
						idlePhases::enterKeepAlive, new SignInThrottle(properties.limits().signIn().settings())),
				new ListCommands(lists, new EffectPublisher(sessionRegistry, presenceService), presenceService,
						refusals, properties.limits().renames()::bucket),
				new PresenceCommands(presenceService, noticeDelivery, challengeCommands::afterFirstChg),
				new SwitchboardReferrals(clusterNodeRegistry, notificationTicketIssuer,
						properties.switchboards().refresh()),
				new ServiceCommands(accounts, new ServiceUrls(urls.services(), urls.login())), challengeCommands,
				memberSearchCommands, pageCommands, invitationCommands);
		List<CommandHandler<NotificationSession, ?>> handlers = new ArrayList<>();
		features.forEach((feature) -> handlers.addAll(feature.handlers()));
		return new CommandRegistry<>(NotificationCommand.class, handlers);
	}

	@Bean
	NettyServer notificationServer(NotificationProperties properties,
			CommandRegistry<NotificationSession, NotificationCommand> notificationCommands, Disconnector disconnector,
			IdlePhases idlePhases, PresenceService presenceService) {
		return new NettyServer("ns", properties.listener(),
				(dispatchers) -> new NotificationChannelInitializer(dispatchers, notificationCommands, disconnector,
						idlePhases, presenceService::signedOut),
				SessionDrainer.closeAll(disconnector, Replies.OUT_SHUTDOWN), disconnector);
	}

}
