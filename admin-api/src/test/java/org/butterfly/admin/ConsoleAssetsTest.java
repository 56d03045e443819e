package org.butterfly.admin;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's static files with the default
 * {@code butterfly.admin.console.public-assets=true}: served without the token, while the
 * API they call still needs it.
 */
class ConsoleAssetsTest extends AdminApiTest {

	@Test
	void servesThePageAndItsFilesWithoutTheToken() throws Exception {
		this.mvc.perform(get("/console")).andExpect(redirectedUrl("/console/"));
		this.mvc.perform(get("/console/")).andExpect(status().isOk()).andExpect(forwardedUrl("/console/index.html"));
		this.mvc.perform(get("/console/index.html"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<title>Butterfly operator console</title>")));
		this.mvc.perform(get("/console/console.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sessionStorage")));
		this.mvc.perform(get("/console/console.css")).andExpect(status().isOk());
	}

	@Test
	void theApiBehindTheConsoleStillNeedsTheToken() throws Exception {
		this.mvc.perform(get("/api/v1/sessions")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/console/../api/v1/sessions")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/consoles")).andExpect(status().isUnauthorized());
	}

}
