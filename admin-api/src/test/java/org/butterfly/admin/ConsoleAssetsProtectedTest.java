package org.butterfly.admin;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;

import org.springframework.test.context.TestPropertySource;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's static files and the API's documentation with
 * {@code butterfly.admin.console.public-assets=false} and
 * {@code butterfly.admin.api-docs.public-docs=false}: like every other path, they need
 * the token (issue 11); only the health probes stay open.
 */
@TestPropertySource(
		properties = { "butterfly.admin.console.public-assets=false", "butterfly.admin.api-docs.public-docs=false" })
class ConsoleAssetsProtectedTest extends AdminApiTest {

	@Test
	void everyFileNeedsTheToken() throws Exception {
		for (String path : new String[] { "/console", "/console/", "/console/index.html", "/console/console.js",
				"/console/console.css", "/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
				"/swagger-ui/index.html" }) {
			this.mvc.perform(get(path))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer"))
				.andExpect(content().string(containsString("\"status\":401")));
		}
	}

	@Test
	void theTokenOpensThem() throws Exception {
		this.mvc.perform(authorized(get("/console/index.html")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Butterfly operator console</title>")));
		this.mvc.perform(authorized(get("/console/console.js"))).andExpect(status().isOk());
		this.mvc.perform(authorized(get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"openapi\"")));
	}

	@Test
	void theHealthProbesStayOpen() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

}
