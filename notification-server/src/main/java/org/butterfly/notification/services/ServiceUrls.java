package org.butterfly.notification.services;

import java.util.Locale;
import java.util.Map;

import org.butterfly.protocol.vocab.UrlEncoding;

/**
 * Where {@code URL} sends a client for each service (msnp.md §11.7): Butterfly has no
 * Hotmail or Passport, so every service gets a generic page under one configurable base
 * and the Passport site id of the era ([POLICY], docs/adr/0302). Unknown services get the
 * generic page too, never an error. Immutable.
 *
 * @param baseUrl the base of every service page, ending with {@code /}
 * @param loginUrl the auto-login page the client posts the profile ticket to; the
 * account's LCID is appended
 */
public record ServiceUrls(String baseUrl, String loginUrl) {

	/** Passport site ids of the examples (§11.7); 507 is Messenger itself. */
	private static final Map<String, Integer> SITE_IDS = Map.of("INBOX", 2, "COMPOSE", 2, "FOLDERS", 2, "MESSAGE", 2,
			"MOBILE", 961, "CHGMOB", 961, "PROFILE", 4263, "CHAT", 2260, "N2PACCOUNT", 2823, "N2PFUND", 2823);

	private static final int MESSENGER_SITE_ID = 507;

	/** The page for a service and its optional parameter, as a wire token. */
	public String redirect(String service, String parameter) {
		String page = this.baseUrl + service.toLowerCase(Locale.ROOT);
		return (parameter != null) ? page + "?p=" + UrlEncoding.encode(parameter) : page;
	}

	/** The login page for a user of {@code lcid}. */
	public String login(int lcid) {
		return this.loginUrl + lcid;
	}

	public int siteId(String service) {
		return SITE_IDS.getOrDefault(service, MESSENGER_SITE_ID);
	}

}
