package org.butterfly.admin;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;
import org.butterfly.admin.support.EventRecorder;
import org.butterfly.cluster.ClusterEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SessionApiTest extends AdminApiTest {

	@Test
	void listsWhoIsOnlineAndWhere() throws Exception {
		String email = account("online");
		this.recorder.online(email, "AWY", "MSNP7");
		this.mvc.perform(getJson("/api/v1/sessions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.email == '%s')].status".formatted(email)).value("AWY"))
			.andExpect(jsonPath("$[?(@.email == '%s')].dialect".formatted(email)).value("MSNP7"))
			.andExpect(jsonPath("$[?(@.email == '%s')].node".formatted(email)).value(EventRecorder.NODE))
			.andExpect(jsonPath("$[?(@.email == '%s')].friendlyName".formatted(email)).value("Name o"))
			.andExpect(jsonPath("$[?(@.email == '%s')].since".formatted(email)).exists());
		this.recorder.offline(email);
	}

	@Test
	void kicksASessionWithOut() throws Exception {
		String email = account("kicked");
		this.recorder.online(email, "NLN", "MSNP5");
		this.mvc.perform(deleteJson("/api/v1/sessions/{email}", email.toUpperCase())).andExpect(status().isAccepted());
		assertThat(this.recorder.eventsFor(email)).containsExactly(new ClusterEvent.Kick(email));
		this.recorder.offline(email);
	}

	@Test
	void kickingSomeoneOfflineIsNotFound() throws Exception {
		String email = account("away");
		this.mvc.perform(deleteJson("/api/v1/sessions/{email}", email))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		assertThat(this.recorder.eventsFor(email)).isEmpty();
	}

}
