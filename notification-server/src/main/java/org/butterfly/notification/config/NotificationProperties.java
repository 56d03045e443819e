package org.butterfly.notification.config;

import java.time.Duration;
import java.util.List;

import org.butterfly.server.ListenerProperties;

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
 */
@ConfigurationProperties("butterfly.notification")
public record NotificationProperties(@DefaultValue ListenerProperties listener, @DefaultValue Urls urls,
		@DefaultValue Switchboards switchboards) {

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
