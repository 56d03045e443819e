package org.butterfly.dispatch.config;

import java.util.List;

import org.butterfly.dispatch.negotiation.VersionCheck;
import org.butterfly.server.AdvertisedAddress;
import org.butterfly.server.ListenerProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the dispatch server ({@code butterfly.dispatch.*}); the environment
 * variables it is usually given are mapped in {@code application.properties}. Validated
 * on construction, so a bad address stops the start.
 *
 * @param listener the MSNP listener; its advertised address is the one MSNP7 referrals
 * name as the current server
 * @param notificationServers the notification servers clients are referred to, as
 * {@code a.b.c.d:port} (host names only with {@code listener.allow-hostnames})
 * @param versionCheck the URLs of the {@code CVR}/{@code CVQ} reply
 */
@ConfigurationProperties("butterfly.dispatch")
public record DispatchProperties(@DefaultValue ListenerProperties listener,
		@DefaultValue("127.0.0.1:1864") List<String> notificationServers, @DefaultValue VersionCheckUrls versionCheck) {

	public DispatchProperties {
		notificationServers = List.copyOf(notificationServers);
		if (notificationServers.isEmpty()) {
			throw new IllegalArgumentException("butterfly.dispatch.notification-servers must name at least one server");
		}
		for (String server : notificationServers) {
			AdvertisedAddress.parse(server, listener.allowHostnames());
		}
	}

	/** The notification servers, parsed. */
	public List<AdvertisedAddress> notificationAddresses() {
		return this.notificationServers.stream()
			.map((server) -> AdvertisedAddress.parse(server, this.listener.allowHostnames()))
			.toList();
	}

	/**
	 * The URLs clients would use to upgrade; with the client's own version recommended
	 * they are not shown.
	 */
	public record VersionCheckUrls(@DefaultValue("http://messenger.example.net/download") String downloadUrl,
			@DefaultValue("http://messenger.example.net/info") String infoUrl) {

		public VersionCheck toVersionCheck() {
			return new VersionCheck(this.downloadUrl, this.infoUrl);
		}

	}

}
