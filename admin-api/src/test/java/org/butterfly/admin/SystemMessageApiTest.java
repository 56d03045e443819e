package org.butterfly.admin;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;
import org.butterfly.cluster.ClusterEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SystemMessageApiTest extends AdminApiTest {

	@Test
	void announcesAShutdownToEveryNode() throws Exception {
		this.mvc.perform(postJson("/api/v1/system-messages", "{\"minutes\":15}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.minutes").value(15))
			.andExpect(jsonPath("$.sessions").isNumber());
		assertThat(this.recorder.all()).contains(new ClusterEvent.SystemMessage(15));
	}

	@Test
	void minutesAreBounded() throws Exception {
		for (String body : new String[] { "{\"minutes\":0}", "{\"minutes\":1441}", "{}", "{\"minutes\":\"soon\"}" }) {
			this.mvc.perform(postJson("/api/v1/system-messages", body)).andExpect(status().isBadRequest());
		}
		assertThat(this.recorder.all()).doesNotContain(new ClusterEvent.SystemMessage(0),
				new ClusterEvent.SystemMessage(1441));
	}

}
