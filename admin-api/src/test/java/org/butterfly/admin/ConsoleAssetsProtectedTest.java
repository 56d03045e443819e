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
 * The console's static files with {@code butterfly.admin.console.public-assets=false}:
 * like every other path, they need the token (issue 11).
 */
@TestPropertySource(properties = "butterfly.admin.console.public-assets=false")
class ConsoleAssetsProtectedTest extends AdminApiTest {

	@Test
	void everyFileNeedsTheToken() throws Exception {
		for (String path : new String[] { "/console", "/console/", "/console/index.html", "/console/console.js",
				"/console/console.css" }) {
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
	}

}
