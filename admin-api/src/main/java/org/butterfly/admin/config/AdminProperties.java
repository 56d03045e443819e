package org.butterfly.admin.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the admin API ({@code butterfly.*}; the directory and the cluster read
 * their own {@code butterfly.directory.*} and {@code butterfly.cluster.*}).
 *
 * @param mode {@code local} (the default: safe defaults, a generated admin token) or
 * {@code production} (refuses to start without an admin token and a secret key)
 * @param schema what this process does with the directory's and the cluster's schemas:
 * {@code migrate} (the default; this process owns the migrations) or {@code validate} (a
 * separate migrate step owns them, ARCHITECTURE §4)
 * @param secretKey the key that encrypts passwords ({@code BUTTERFLY_SECRET_KEY}),
 * checked here and used by the directory
 * @param admin the API's own settings
 */
@ConfigurationProperties("butterfly")
public record AdminProperties(@DefaultValue("local") Mode mode, @DefaultValue("migrate") SchemaAction schema,
		String secretKey, @DefaultValue Admin admin) {

	/**
	 * @param token the bearer token every request must carry
	 * ({@code BUTTERFLY_ADMIN_TOKEN}); generated in local mode when missing
	 * @param console the operator console's settings
	 * @param apiDocs the OpenAPI document's and Swagger UI's settings
	 */
	public record Admin(String token, @DefaultValue Console console, @DefaultValue ApiDocs apiDocs) {
	}

	/**
	 * @param publicDocs whether {@code /v3/api-docs} and {@code /swagger-ui} are served
	 * without the token ({@code BUTTERFLY_ADMIN_API_DOCS_PUBLIC}, default {@code true}:
	 * they describe the API and hold no data); {@code false} puts them behind the token
	 * (issue 11)
	 */
	public record ApiDocs(@DefaultValue("true") boolean publicDocs) {
	}

	/**
	 * @param publicAssets whether the console's static files under {@code /console/} are
	 * served without the token ({@code BUTTERFLY_ADMIN_CONSOLE_PUBLIC_ASSETS}, default
	 * {@code true}: they hold no data, and a browser cannot send the token when it opens
	 * the page); {@code false} puts them behind the token like everything else
	 * (docs/adr/0602)
	 */
	public record Console(@DefaultValue("true") boolean publicAssets) {
	}

	/** How strict the start-up is. */
	public enum Mode {

		/** A developer's machine or the standalone app. */
		LOCAL,
		/** A real deployment. */
		PRODUCTION

	}

	/** What this process does with the schemas it depends on. */
	public enum SchemaAction {

		/** Apply pending migrations. */
		MIGRATE,
		/** Refuse to start unless the schemas are up to date. */
		VALIDATE

	}

}
