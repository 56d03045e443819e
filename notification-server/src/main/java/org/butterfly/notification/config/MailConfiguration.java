package org.butterfly.notification.config;

import java.time.Clock;
import java.util.Properties;

import org.butterfly.directory.mail.MailOutbox;
import org.butterfly.notification.command.Refusals;
import org.butterfly.notification.invitations.InvitationCommands;
import org.butterfly.notification.invitations.InvitationLimiter;
import org.butterfly.notification.invitations.InvitationTemplates;
import org.butterfly.notification.invitations.OutboxMailer;
import org.butterfly.protocol.pipeline.Disconnector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The e-mail invitations and this node's sender of the mail outbox
 * ({@code butterfly.notification.mail.*}, docs/adr/0304). The SMTP client is Spring's
 * {@link JavaMailSenderImpl}, configured from {@link MailProperties} rather than
 * {@code spring.mail.*}, so every Butterfly setting has a {@code BUTTERFLY_} name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfiguration {

	@Bean
	JavaMailSenderImpl invitationMailSender(MailProperties properties) {
		MailProperties.Smtp smtp = properties.smtp();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(smtp.host());
		sender.setPort(smtp.port());
		sender.setDefaultEncoding("UTF-8");
		String protocol = (smtp.tls() == MailProperties.Tls.SMTPS) ? "smtps" : "smtp";
		sender.setProtocol(protocol);
		Properties javaMail = new Properties();
		String prefix = "mail." + protocol + ".";
		javaMail.setProperty(prefix + "connectiontimeout", Long.toString(smtp.connectTimeout().toMillis()));
		javaMail.setProperty(prefix + "timeout", Long.toString(smtp.timeout().toMillis()));
		javaMail.setProperty(prefix + "writetimeout", Long.toString(smtp.timeout().toMillis()));
		if (!smtp.username().isEmpty()) {
			sender.setUsername(smtp.username());
			sender.setPassword(smtp.password());
			javaMail.setProperty(prefix + "auth", "true");
		}
		if (smtp.tls() == MailProperties.Tls.STARTTLS || smtp.tls() == MailProperties.Tls.STARTTLS_REQUIRED) {
			javaMail.setProperty(prefix + "starttls.enable", "true");
			javaMail.setProperty(prefix + "starttls.required",
					Boolean.toString(smtp.tls() == MailProperties.Tls.STARTTLS_REQUIRED));
		}
		if (smtp.tls() != MailProperties.Tls.NONE) {
			javaMail.setProperty(prefix + "ssl.checkserveridentity", "true");
		}
		sender.setJavaMailProperties(javaMail);
		return sender;
	}

	/**
	 * Off with {@code butterfly.notification.mail.sender.enabled=false}: mail then waits
	 * for other nodes.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "butterfly.notification.mail.sender.enabled", matchIfMissing = true)
	OutboxMailer outboxMailer(MailOutbox mailOutbox, JavaMailSenderImpl invitationMailSender,
			MailProperties properties) {
		MailProperties.Sender sender = properties.sender();
		return new OutboxMailer(mailOutbox, invitationMailSender, properties.from(), properties.fromName(),
				new OutboxMailer.Settings(sender.pollInterval(), sender.batchSize(), sender.lease(),
						sender.retryPolicy()));
	}

	@Bean
	InvitationCommands invitationCommands(MailOutbox mailOutbox, MailProperties properties, Disconnector disconnector,
			ObjectProvider<OutboxMailer> outboxMailer, ObjectProvider<Clock> clock) {
		MailProperties.Invitations limit = properties.invitations();
		return new InvitationCommands(mailOutbox, new InvitationTemplates(properties.downloadUrl()),
				new InvitationLimiter(limit.burst(), limit.refill(), clock.getIfAvailable(Clock::systemUTC)),
				new Refusals(disconnector), () -> outboxMailer.ifAvailable(OutboxMailer::wake));
	}

}
