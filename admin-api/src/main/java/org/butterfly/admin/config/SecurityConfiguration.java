package org.butterfly.admin.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The admin token and the filter that checks it. Production mode refuses to start without
 * a token and a secret key (ARCHITECTURE §6); local mode generates a token for the run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	AdminToken adminToken(AdminProperties properties) {
		boolean production = properties.mode() == AdminProperties.Mode.PRODUCTION;
		if (production && isBlank(properties.secretKey())) {
			throw new IllegalStateException(
					"butterfly.mode=production needs BUTTERFLY_SECRET_KEY (butterfly.secret-key); refusing to start");
		}
		String configured = properties.admin().token();
		if (!isBlank(configured)) {
			return AdminToken.of(configured);
		}
		if (production) {
			throw new IllegalStateException(
					"butterfly.mode=production needs BUTTERFLY_ADMIN_TOKEN (butterfly.admin.token); refusing to start");
		}
		String generated = AdminToken.generate();
		logger.warn("BUTTERFLY_ADMIN_TOKEN is not set: a token was generated for this run (local mode only)");
		// Printed once, to the console rather than the log, so that log shipping never
		// carries it.
		System.out.println("Butterfly admin API token for this run: " + generated);
		return AdminToken.of(generated);
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(AdminToken adminToken, AdminProperties properties) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(new BearerTokenFilter(
				adminToken, properties.admin().console().publicAssets(), properties.admin().apiDocs().publicDocs()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
