package org.butterfly.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.butterfly.admin.AdminApiApplication;
import org.butterfly.dispatch.DispatchServerApplication;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.switchboard.SwitchboardServerApplication;

/**
 * One app of the platform, started as a Spring application context of its own. Each
 * context reads only its app's configuration file (copied by the build to
 * {@code butterfly/<app>/}: all four sit at the root of their jars) and resolves its
 * {@code BUTTERFLY_*} placeholders from the variables it is given, which take precedence
 * over the process environment.
 */
public enum Role {

	/** Listed first: it owns the schema, which the others validate. */
	ADMIN_API("admin-api", AdminApiApplication.class, true, null),

	NOTIFICATION("notification-server", NotificationServerApplication.class, true, "BUTTERFLY_NS_HTTP_PORT"),

	SWITCHBOARD("switchboard-server", SwitchboardServerApplication.class, false, "BUTTERFLY_SB_HTTP_PORT"),

	/** Listed last: it refers clients to notification nodes that must be up. */
	DISPATCH("dispatch-server", DispatchServerApplication.class, false, "BUTTERFLY_DS_HTTP_PORT");

	/**
	 * Auto-configuration a role without a database must not pick up from the shared
	 * classpath.
	 */
	private static final String DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	private static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

	private final String app;

	private final Class<?> application;

	private final boolean usesDatabase;

	/**
	 * The variable of the role's management HTTP port, null for the admin API, whose port
	 * serves its API too.
	 */
	private final String managementPort;

	Role(String app, Class<?> application, boolean usesDatabase, String managementPort) {
		this.app = app;
		this.application = application;
		this.usesDatabase = usesDatabase;
		this.managementPort = managementPort;
	}

	/**
	 * The role of an app.
	 * @param app the app's name, as in its module and its container image
	 * @return the role
	 * @throws IllegalArgumentException if no role runs that app
	 */
	public static Role of(String app) {
		for (Role role : values()) {
			if (role.app.equals(app)) {
				return role;
			}
		}
		throw new IllegalArgumentException("No role runs " + app);
	}

	/** The app's name, as in its module and its container image. */
	public String app() {
		return this.app;
	}

	/**
	 * Starts this role.
	 * @param variables {@code BUTTERFLY_*} variables, as the app would read them from its
	 * environment
	 * @param properties Spring properties for this context only
	 * @return the running context; closing it shuts the role down gracefully
	 */
	public ConfigurableApplicationContext start(Map<String, String> variables, Map<String, String> properties) {
		return new SpringApplicationBuilder(this.application).main(this.application)
			.run(arguments(variables, properties).toArray(String[]::new));
	}

	/**
	 * The app's Spring Boot application class, whose {@code main} runs the role alone.
	 */
	public Class<?> application() {
		return this.application;
	}

	/**
	 * The command line {@link #start} runs the app with; also runs the role in a JVM of
	 * its own, with this module's class path and {@link #application()}'s {@code main}.
	 * @param variables {@code BUTTERFLY_*} variables, as the app would read them from its
	 * environment
	 * @param properties Spring properties for this role only
	 * @return the arguments
	 */
	public List<String> arguments(Map<String, String> variables, Map<String, String> properties) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--spring.config.location=classpath:/butterfly/" + this.app + "/");
		arguments.add("--spring.main.banner-mode=off");
		// The launcher stops the contexts in order, then the database.
		arguments.add("--spring.main.register-shutdown-hook=false");
		// One logging system serves every context: it must outlive the first to stop,
		// and one context's application name would label the others' lines.
		arguments.add("--logging.register-shutdown-hook=false");
		arguments.add("--logging.include-application-name=false");
		// Only the admin API serves OpenAPI; the library is on the shared classpath.
		if (this != ADMIN_API) {
			arguments.add("--springdoc.api-docs.enabled=false");
			arguments.add("--springdoc.swagger-ui.enabled=false");
		}
		if (!this.usesDatabase) {
			arguments.add("--spring.autoconfigure.exclude=" + DATA_SOURCE);
		}
		if (this.managementPort != null && !variables.containsKey(this.managementPort)
				&& !properties.containsKey(WEB_APPLICATION_TYPE)) {
			// Its HTTP port serves only the management endpoints: in one JVM the admin
			// API's health stands for all, and one port fewer can collide. Given its
			// port variable (as compose does), the role serves them.
			arguments.add("--" + WEB_APPLICATION_TYPE + "=none");
		}
		variables.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return arguments;
	}

}
