package org.butterfly.notification.config;

import java.time.Duration;

import org.butterfly.directory.mail.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail invitations ({@code SDC}/{@code SND}, msnp.md §11.3, §11.4) and the sender
 * of the mail outbox on this node ({@code butterfly.notification.mail.*}, environment
 * {@code BUTTERFLY_SMTP_*}/{@code BUTTERFLY_MAIL_*}, docs/adr/0304).
 *
 * @param smtp the mail server
 * @param from the {@code From} address of every mail (the inviter goes into
 * {@code Reply-To})
 * @param fromName the display name of {@code From} when a mail names none
 * @param downloadUrl the client download page the invitation links to
 * @param sender the outbox sender of this node
 * @param invitations the per-session limit on {@code SDC}/{@code SND}
 */
@ConfigurationProperties("butterfly.notification.mail")
public record MailProperties(@DefaultValue Smtp smtp, @DefaultValue("no-reply@butterfly.localhost") String from,
		@DefaultValue("Butterfly Messenger") String fromName,
		@DefaultValue("http://127.0.0.1:8080/download") String downloadUrl, @DefaultValue Sender sender,
		@DefaultValue Invitations invitations) {

	/**
	 * The SMTP server.
	 *
	 * @param host its host name
	 * @param port its port
	 * @param username the user to authenticate as; empty for none
	 * @param password the password
	 * @param tls how the connection is protected
	 * @param connectTimeout how long connecting may take
	 * @param timeout how long one read or write may take
	 */
	public record Smtp(@DefaultValue("localhost") String host, @DefaultValue("25") int port,
			@DefaultValue("") String username, @DefaultValue("") String password, @DefaultValue("none") Tls tls,
			@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration timeout) {

		@Override
		public String toString() {
			// Never log the password.
			return "Smtp[" + this.host + ":" + this.port + ", user '" + this.username + "', tls " + this.tls + "]";
		}

	}

	/** How the SMTP connection is protected. */
	public enum Tls {

		/** Plain SMTP (a local mail catcher). */
		NONE,
		/** {@code STARTTLS} when the server offers it. */
		STARTTLS,
		/** {@code STARTTLS}, and refuse a server that does not offer it. */
		STARTTLS_REQUIRED,
		/** TLS from the first byte (SMTPS, usually port 465). */
		SMTPS

	}

	/**
	 * The sender that polls the outbox on this node.
	 *
	 * @param enabled whether this node sends (every node may: claims never overlap)
	 * @param pollInterval how often the outbox is polled when idle
	 * @param batchSize the most mails claimed at once
	 * @param lease how long a claim lasts; a node that dies mid-batch leaves its mails to
	 * others after it
	 * @param maxAttempts attempts before a mail is given up
	 * @param firstRetryDelay the delay after the first failure; it doubles per failure
	 * @param maxRetryDelay the longest delay between attempts
	 */
	public record Sender(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollInterval,
			@DefaultValue("20") int batchSize, @DefaultValue("5m") Duration lease, @DefaultValue("12") int maxAttempts,
			@DefaultValue("30s") Duration firstRetryDelay, @DefaultValue("1h") Duration maxRetryDelay) {

		public Sender {
			if (batchSize < 1 || pollInterval.isNegative() || pollInterval.isZero()) {
				throw new IllegalArgumentException("The batch size and the poll interval must be positive");
			}
		}

		/** The retry policy these properties describe. */
		public RetryPolicy retryPolicy() {
			return new RetryPolicy(this.maxAttempts, this.firstRetryDelay, this.maxRetryDelay);
		}

	}

	/**
	 * The per-session invitation limit: a bucket of {@code burst} invitations that
	 * regains one every {@code refill} ({@code 800} when empty, msnp.md §15).
	 *
	 * @param burst invitations a session may send in a row
	 * @param refill how long it takes to regain one
	 */
	public record Invitations(@DefaultValue("5") int burst, @DefaultValue("1m") Duration refill) {

		public Invitations {
			if (burst < 1 || refill.isNegative() || refill.isZero()) {
				throw new IllegalArgumentException("The invitation burst and refill must be positive");
			}
		}

	}

}
