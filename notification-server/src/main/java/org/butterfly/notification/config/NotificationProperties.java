package org.butterfly.notification.config;

import java.time.Duration;
import java.util.List;

import org.butterfly.notification.auth.SignInThrottle;
import org.butterfly.server.ListenerProperties;
import org.butterfly.server.TokenBucket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the notification server ({@code butterfly.notification.*}).
 *
 * @param listener where to listen and what to advertise; the port comes from
 * {@code BUTTERFLY_NS_PORT} (1864), the advertised host from
 * {@code BUTTERFLY_ADVERTISED_HOST} (127.0.0.1)
 * @param urls the pages {@code URL}, {@code CVR} and the mailbox message point to
 * @param switchboards how {@code XFR SB} hands out switchboards
 * @param limits sign-in failures and rename rates
 */
@ConfigurationProperties("butterfly.notification")
public record NotificationProperties(@DefaultValue ListenerProperties listener, @DefaultValue Urls urls,
		@DefaultValue Switchboards switchboards, @DefaultValue Limits limits) {

	/**
	 * @param secretKeys the ticket keys shared with every switchboard, the signing key
	 * first (docs/adr/0400); empty means the development key, with a warning
	 * @param ticketLifetime how long a caller has to present its ticket ([POLICY] msnp.md
	 * §13.3: about a minute)
	 * @param refresh how long a read of the live switchboard nodes is used
	 */
	public record Switchboards(@DefaultValue List<String> secretKeys, @DefaultValue("60s") Duration ticketLifetime,
			@DefaultValue("1s") Duration refresh) {
	}

	/**
	 * Limits of the notification server beyond the listener's (ADR 0310).
	 *
	 * @param signIn failed sign-ins and their lockouts
	 * @param renames {@code REA} per session: a burst, then a rate ({@code 800} beyond)
	 */
	public record Limits(@DefaultValue SignIn signIn, @DefaultValue Renames renames) {
	}

	/**
	 * @param accountFreeFailures failures to one account from one address before its
	 * first lockout
	 * @param addressFreeFailures failures from one address, any accounts, before its
	 * first lockout
	 * @param lockout the first lockout, doubled by each further failure
	 * @param maxLockout the cap of a lockout, and how long failures are remembered
	 */
	public record SignIn(@DefaultValue("5") int accountFreeFailures, @DefaultValue("30") int addressFreeFailures,
			@DefaultValue("2s") Duration lockout, @DefaultValue("15m") Duration maxLockout) {

		public SignInThrottle.Settings settings() {
			return new SignInThrottle.Settings(this.accountFreeFailures, this.addressFreeFailures, this.lockout,
					this.maxLockout);
		}

	}

	/**
	 * @param burst renames a session may make in quick succession (msnp.md §9.3: the
	 * sixth quick one is refused)
	 * @param perMinute renames regained per minute
	 */
	public record Renames(@DefaultValue("5") int burst, @DefaultValue("6") double perMinute) {

		public TokenBucket bucket() {
			return new TokenBucket(this.perMinute / 60, this.burst);
		}

	}

	/**
	 * Pages of the web services Butterfly stands in for ([POLICY] msnp.md §3.3, §5.6,
	 * §11.7).
	 *
	 * @param services base of the generic {@code URL} service pages
	 * @param login the Passport auto-login page; the LCID is appended
	 * @param download the client download page of the {@code CVR} reply
	 * @param info the information page of the {@code CVR} reply
	 * @param inbox {@code Inbox-URL} of the mailbox message
	 * @param folders {@code Folders-URL} of the mailbox message
	 * @param post {@code Post-URL} of the mailbox message
	 */
	public record Urls(@DefaultValue("http://127.0.0.1:8080/services/") String services,
			@DefaultValue("http://127.0.0.1:8080/login?lc=") String login,
			@DefaultValue("http://127.0.0.1:8080/download") String download,
			@DefaultValue("http://127.0.0.1:8080/info") String info, @DefaultValue("/cgi-bin/HoTMaiL") String inbox,
			@DefaultValue("/cgi-bin/folders") String folders, @DefaultValue("http://127.0.0.1:8080/mail") String post) {
	}

}
