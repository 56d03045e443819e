package org.butterfly.admin;

import org.butterfly.admin.support.AdminApiTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API's metrics and info: behind the token like the API (its port faces
 * operators), with the database pool and the cluster's meters; readiness names its
 * components.
 */
class OperationsApiTest extends AdminApiTest {

	@Test
	void metricsAndInfoNeedTheToken() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hikaricp_connections_active")))
			.andExpect(content().string(containsString("butterfly_bus_lag_seconds_count")));
		this.mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.butterfly.app").value("admin-api"))
			.andExpect(jsonPath("$.butterfly.version").isNotEmpty())
			.andExpect(jsonPath("$.node.cluster").value("local"));
	}

	@Test
	void readinessIncludesTheDatabaseAndTheCluster() throws Exception {
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.cluster.status").value("UP"));
	}

}
