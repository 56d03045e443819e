package org.butterfly.standalone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every role running in this JVM on one database. The roles are separate contexts that
 * share no beans, so they use the cluster's PostgreSQL mode (node registry and bus in the
 * database), as separate processes would; the admin API migrates the schema first, the
 * others validate it.
 */
public final class Platform implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Platform.class);

	private final Settings settings;

	private final Database database;

	/** In start order; closed in reverse. */
	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private boolean closed;

	private Platform(Settings settings, Database database) {
		this.settings = settings;
		this.database = database;
	}

	/**
	 * Starts the database (if embedded), then the admin API, the notification server, the
	 * switchboard and the dispatch server. If one fails, those already started are
	 * stopped.
	 * @param settings the settings
	 * @return the running platform
	 */
	public static Platform start(Settings settings) {
		Platform platform = new Platform(settings, Database.open(settings));
		try {
			Map<String, String> variables = platform.variables();
			for (Role role : Role.values()) {
				platform.contexts.add(role.start(variables, Map.of()));
			}
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	/** What each role reads as its environment. */
	private Map<String, String> variables() {
		Map<String, String> variables = new HashMap<>();
		this.settings.environment().forEach((name, value) -> {
			if (name.startsWith("BUTTERFLY_")) {
				variables.put(name, value);
			}
		});
		variables.put("BUTTERFLY_DS_PORT", String.valueOf(this.settings.dispatchPort()));
		variables.put("BUTTERFLY_NS_PORT", String.valueOf(this.settings.notificationPort()));
		variables.put("BUTTERFLY_SB_PORT", String.valueOf(this.settings.switchboardPort()));
		variables.put("BUTTERFLY_ADMIN_PORT", String.valueOf(this.settings.adminPort()));
		variables.put("BUTTERFLY_ADVERTISED_HOST", this.settings.advertisedHost());
		variables.put("BUTTERFLY_NS_ADDRESSES",
				this.settings.advertisedHost() + ":" + this.settings.notificationPort());
		variables.put("BUTTERFLY_DATABASE_URL", this.database.url());
		variables.put("BUTTERFLY_DATABASE_USER", this.database.user());
		variables.put("BUTTERFLY_DATABASE_PASSWORD", this.database.password());
		// Contexts share no in-memory cluster: they meet in the database.
		variables.put("BUTTERFLY_CLUSTER_MODE", "postgres");
		variables.put("BUTTERFLY_SCHEMA", "migrate");
		variables.put("BUTTERFLY_ADMIN_TOKEN", this.settings.adminToken());
		return variables;
	}

	/**
	 * Where each role listens and how to create the first account.
	 * @return lines for the console
	 */
	public String summary() {
		String host = this.settings.advertisedHost();
		String admin = "http://" + host + ":" + this.settings.adminPort();
		String token = this.settings.adminTokenGenerated() ? this.settings.adminToken() : "$BUTTERFLY_ADMIN_TOKEN";
		String data = this.settings.embeddedDatabase() ? "embedded PostgreSQL, data in " + this.settings.dataDirectory()
				: this.database.url();
		return String.join(System.lineSeparator(), "", "Butterfly is running (" + data + ")",
				"  dispatch      " + host + ":" + this.settings.dispatchPort() + "   <- point MSN Messenger here",
				"  notification  " + host + ":" + this.settings.notificationPort(),
				"  switchboard   " + host + ":" + this.settings.switchboardPort(),
				"  admin API     " + admin + "   (OpenAPI UI: " + admin + "/swagger-ui.html)",
				"  console       " + admin + "/console/   (log in with the admin token)",
				"  admin token   " + token
						+ (this.settings.adminTokenGenerated()
								? "   (generated for this run; set BUTTERFLY_ADMIN_TOKEN to keep one)" : ""),
				"Create the first account:",
				"  curl -X POST " + admin + "/api/v1/accounts -H 'Authorization: Bearer " + token + "'"
						+ " -H 'Content-Type: application/json'"
						+ " -d '{\"email\":\"alice@example.com\",\"password\":\"change-me\",\"friendlyName\":\"Alice\"}'",
				"Ctrl-C stops everything.", "");
	}

	/**
	 * Stops the roles in reverse order (the dispatch server first, so no client is
	 * referred to a node that is going away; the notification server sends
	 * {@code OUT SSD}), then the embedded database.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			try {
				this.contexts.get(i).close();
			}
			catch (RuntimeException ex) {
				logger.warn("A role failed to stop cleanly", ex);
			}
		}
		this.database.close();
	}

}
