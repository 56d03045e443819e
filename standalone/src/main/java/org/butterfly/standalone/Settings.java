package org.butterfly.standalone;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * What the launcher reads from its environment, with the defaults of a local run.
 *
 * @param dispatchPort {@code BUTTERFLY_DS_PORT}, 1863
 * @param notificationPort {@code BUTTERFLY_NS_PORT}, 1864
 * @param switchboardPort {@code BUTTERFLY_SB_PORT}, 1865
 * @param adminPort {@code BUTTERFLY_ADMIN_PORT}, 8080
 * @param advertisedHost {@code BUTTERFLY_ADVERTISED_HOST}, the IPv4 literal clients are
 * referred to, 127.0.0.1
 * @param databaseUrl {@code BUTTERFLY_DATABASE_URL}; {@code null} runs an embedded
 * PostgreSQL
 * @param databaseUser {@code BUTTERFLY_DATABASE_USER}
 * @param databasePassword {@code BUTTERFLY_DATABASE_PASSWORD}
 * @param dataDirectory {@code BUTTERFLY_DATA_DIR}, where the embedded PostgreSQL keeps
 * its data, {@code ./.butterfly/pgdata}
 * @param adminToken {@code BUTTERFLY_ADMIN_TOKEN}; generated for this run when unset
 * @param adminTokenGenerated whether {@link #adminToken} was generated (and may be
 * printed)
 * @param environment every variable given, passed on to the roles
 */
public record Settings(int dispatchPort, int notificationPort, int switchboardPort, int adminPort,
		String advertisedHost, String databaseUrl, String databaseUser, String databasePassword, Path dataDirectory,
		String adminToken, boolean adminTokenGenerated, Map<String, String> environment) {

	public Settings {
		environment = Map.copyOf(environment);
	}

	/**
	 * Reads the settings.
	 * @param environment the variables, usually {@link System#getenv()}
	 * @return the settings
	 */
	public static Settings from(Map<String, String> environment) {
		String token = blankToNull(environment.get("BUTTERFLY_ADMIN_TOKEN"));
		return new Settings(port(environment, "BUTTERFLY_DS_PORT", 1863), port(environment, "BUTTERFLY_NS_PORT", 1864),
				port(environment, "BUTTERFLY_SB_PORT", 1865), port(environment, "BUTTERFLY_ADMIN_PORT", 8080),
				environment.getOrDefault("BUTTERFLY_ADVERTISED_HOST", "127.0.0.1"),
				blankToNull(environment.get("BUTTERFLY_DATABASE_URL")),
				environment.getOrDefault("BUTTERFLY_DATABASE_USER", "butterfly"),
				environment.getOrDefault("BUTTERFLY_DATABASE_PASSWORD", "butterfly"),
				Path.of(environment.getOrDefault("BUTTERFLY_DATA_DIR", ".butterfly/pgdata")).toAbsolutePath(),
				(token != null) ? token : generatedToken(), token == null, environment);
	}

	/** Whether the launcher runs its own PostgreSQL. */
	public boolean embeddedDatabase() {
		return this.databaseUrl == null;
	}

	private static int port(Map<String, String> environment, String name, int fallback) {
		String value = blankToNull(environment.get(name));
		return (value != null) ? Integer.parseInt(value.strip()) : fallback;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** 256 random bits, URL-safe: the admin API's own format for a generated token. */
	private static String generatedToken() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
