package org.butterfly.directory.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.butterfly.directory.contacts.ListRules;

/**
 * Configuration of the directory ({@code butterfly.directory.*}). The secret that
 * encrypts passwords is {@code butterfly.secret-key} (environment
 * {@code BUTTERFLY_SECRET_KEY}), shared with the rest of Butterfly.
 *
 * @param schema what this process does with the directory's schema at start-up:
 * {@code migrate} (exactly one process, e.g. the migrate job or the standalone app),
 * {@code validate} (every other process; the default) or {@code none}
 * @param limits list limits
 * @param notificationExpiry how long a queued {@code NOT} waits for delivery
 * @param previousSecretKeys earlier values of {@code butterfly.secret-key}, still
 * accepted for decryption
 * @param refusedNameParts fragments that make {@code REA} refuse a name with {@code 209}
 * @param bcryptStrength the bcrypt cost for the non-MSNP password hash
 */
@ConfigurationProperties("butterfly.directory")
public record DirectoryProperties(@DefaultValue("validate") SchemaAction schema, @DefaultValue Limits limits,
		@DefaultValue("7d") Duration notificationExpiry, @DefaultValue List<String> previousSecretKeys,
		@DefaultValue List<String> refusedNameParts, @DefaultValue("10") int bcryptStrength) {

	/** The list rules these properties describe. */
	public ListRules listRules() {
		return new ListRules(this.limits.forwardList(), this.limits.allowList(), this.limits.blockList(),
				this.limits.groups(), this.refusedNameParts);
	}

	/**
	 * List limits.
	 *
	 * @param forwardList most FL entries (150 per msnp.md 2.5)
	 * @param allowList most AL entries
	 * @param blockList most BL entries
	 * @param groups most groups, group 0 included (at most 30)
	 */
	public record Limits(@DefaultValue("150") int forwardList, @DefaultValue("500") int allowList,
			@DefaultValue("500") int blockList, @DefaultValue("30") int groups) {
	}

	/** What a process does with the schema when it starts. */
	public enum SchemaAction {

		/** Apply pending migrations (one process only), then go on. */
		MIGRATE,
		/** Refuse to start unless every migration of this jar has been applied. */
		VALIDATE,
		/**
		 * Leave the schema alone (the application calls {@link DirectorySchema} itself).
		 */
		NONE

	}

}
