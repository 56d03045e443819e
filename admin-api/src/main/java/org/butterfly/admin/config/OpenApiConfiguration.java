package org.butterfly.admin.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}): every operation needs the bearer token.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

	private static final String BEARER = "adminToken";

	@Bean
	OpenAPI butterflyAdminApi() {
		return new OpenAPI().info(new Info().title("Butterfly admin API")
			.version("v1")
			.description("Accounts, contact lists, sessions, NOT alerts and system messages of a Butterfly MSNP "
					+ "server. Every /api/v1 operation needs Authorization: Bearer <BUTTERFLY_ADMIN_TOKEN>; "
					+ "/actuator/health (with /liveness and /readiness) and this description are open, and so are "
					+ "the operator console's files at /console/ unless butterfly.admin.console.public-assets=false. "
					+ "Errors are RFC 9457 problem details; list refusals carry the MSNP error code "
					+ "(msnpError). Names are Unicode here and URL-encoded on the wire."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
