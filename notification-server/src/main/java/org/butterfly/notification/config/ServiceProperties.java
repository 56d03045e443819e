package org.butterfly.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the MSNP5/MSNP6 services of the notification server: the member search
 * ({@code butterfly.notification.member-search.*}), paging
 * ({@code butterfly.notification.paging.*}) and the server's challenges
 * ({@code butterfly.notification.challenges.*}).
 *
 * @param memberSearch {@code FND}
 * @param paging {@code PAG}
 * @param challenges {@code CHL}/{@code QRY}
 */
@ConfigurationProperties("butterfly.notification")
public record ServiceProperties(@DefaultValue MemberSearch memberSearch, @DefaultValue Paging paging,
		@DefaultValue Challenges challenges) {

	/**
	 * The member directory behind {@code FND} (msnp.md §11.8, docs/adr/0106).
	 *
	 * @param enabled whether {@code FND} searches; {@code false} answers {@code 502} as
	 * the service did from 2003 ({@code BUTTERFLY_MEMBER_SEARCH_ENABLED})
	 * @param maxResults the most hits answered; more matches are {@code 301}
	 * ({@code BUTTERFLY_MEMBER_SEARCH_MAX_RESULTS})
	 */
	public record MemberSearch(@DefaultValue("true") boolean enabled, @DefaultValue("100") int maxResults) {
	}

	/**
	 * Pages to mobile devices (msnp.md §11.5, docs/adr/0307).
	 *
	 * @param maxPages the most {@code PAG}s one session may send per {@code window};
	 * beyond it {@code 800} ({@code BUTTERFLY_PAGING_MAX_PAGES})
	 * @param window the rate window ({@code BUTTERFLY_PAGING_WINDOW})
	 */
	public record Paging(@DefaultValue("5") int maxPages, @DefaultValue("1m") Duration window) {
	}

	/**
	 * The server's own {@code CHL 0} challenges (msnp.md §12.1, docs/adr/0308).
	 *
	 * @param enabled whether the server challenges MSNP6+ clients after the first
	 * {@code CHG}; off by default as §12.1 advises ({@code BUTTERFLY_CHALLENGES_ENABLED})
	 * @param interval how long after a right answer the next challenge comes; {@code 0}
	 * for only the first ({@code BUTTERFLY_CHALLENGES_INTERVAL})
	 * @param timeout how long a client has to answer before it is closed
	 * ({@code BUTTERFLY_CHALLENGES_TIMEOUT})
	 */
	public record Challenges(@DefaultValue("false") boolean enabled, @DefaultValue("30m") Duration interval,
			@DefaultValue("60s") Duration timeout) {
	}

}
