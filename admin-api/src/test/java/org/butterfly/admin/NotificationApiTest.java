package org.butterfly.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.account.Puid;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.directory.notification.QueuedNotification;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NotificationApiTest extends AdminApiTest {

	private static final String PUSH = "/api/v1/accounts/{email}/notifications";

	private static final String VALID_XML = "<NOTIFICATION ver=\"1\" id=\"7\" siteid=\"0\" siteurl=\"http://x/\">"
			+ "<TO pid=\"0x00000000:0x00000001\" name=\"n\" /><MSG pri=\"\" id=\"7\"><ACTION url=\"a\" />"
			+ "<SUBSCR url=\"s\" /><BODY lang=\"1033\" icon=\"\"><TEXT>Hi</TEXT></BODY></MSG></NOTIFICATION>";

	@Autowired
	NotificationService notifications;

	@Test
	void queuesForAnOfflineUserWithTheBuiltDocument() throws Exception {
		String email = account("offline");
		this.mvc.perform(postJson(PUSH, """
				{"text":"Order <42> & co","actionUrl":"show?a=1&b=2","subscriptionUrl":"manage",
				"siteUrl":"http://alerts.example.net/","siteId":"111100000","notificationId":42}""", email))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("queued"))
			.andExpect(jsonPath("$.documentId").value(42))
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.expiresAt").exists());
		List<QueuedNotification> pending = this.notifications.pendingFor(email);
		assertThat(pending).hasSize(1);
		String pid = Puid.of(this.accounts.find(email).orElseThrow().id()).pid();
		assertThat(pending.get(0).payload()).isEqualTo("<NOTIFICATION ver=\"1\" id=\"42\" siteid=\"111100000\" "
				+ "siteurl=\"http://alerts.example.net/\">\r\n<TO pid=\"" + pid + "\" name=\"" + email + "\" />\r\n"
				+ "<MSG pri=\"\" id=\"42\">\r\n<ACTION url=\"show?a=1&amp;b=2\" />\r\n<SUBSCR url=\"manage\" />\r\n"
				+ "<BODY lang=\"1033\" icon=\"\">\r\n<TEXT>Order &lt;42&gt; &amp; co</TEXT>\r\n</BODY>\r\n</MSG>\r\n"
				+ "</NOTIFICATION>");
		assertThat(pending.get(0).expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(7).minusMinutes(1)),
				Instant.now().plus(Duration.ofDays(7)));
		assertThat(this.recorder.eventsFor(email)).isEmpty();
	}

	@Test
	void handsItToTheNodeOfAnMsnp5SessionPastItsFirstChg() throws Exception {
		String email = account("online");
		this.recorder.online(email, "NLN", "MSNP5");
		String id = this.mvc.perform(postJson(PUSH, "{\"text\":\"Hello\"}", email))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("delivered"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":(\\d+).*", "$1");
		assertThat(this.recorder.eventsFor(email))
			.containsExactly(new ClusterEvent.NotificationPushed(email, Long.parseLong(id)));
		this.recorder.offline(email);
	}

	@Test
	void queuesForOldDialectsAndBeforeTheFirstChg() throws Exception {
		String old = account("msnp4");
		String early = account("early");
		this.recorder.online(old, "NLN", "MSNP4");
		this.recorder.online(early, "FLN", "MSNP7");
		this.mvc.perform(postJson(PUSH, "{\"text\":\"Hello\"}", old)).andExpect(jsonPath("$.state").value("queued"));
		this.mvc.perform(postJson(PUSH, "{\"text\":\"Hello\"}", early)).andExpect(jsonPath("$.state").value("queued"));
		assertThat(this.recorder.eventsFor(old)).isEmpty();
		assertThat(this.recorder.eventsFor(early)).isEmpty();
		this.recorder.offline(old);
		this.recorder.offline(early);
	}

	@Test
	void acceptsAWellFormedDocumentVerbatim() throws Exception {
		String email = account("xml");
		this.mvc
			.perform(postJson(PUSH,
					"{\"xml\":\"%s\",\"expiresAt\":\"%s\"}".formatted(VALID_XML.replace("\"", "\\\""),
							Instant.now().plus(Duration.ofHours(1))),
					email))
			.andExpect(status().isAccepted());
		QueuedNotification queued = this.notifications.pendingFor(email).get(0);
		assertThat(queued.payload()).isEqualTo(VALID_XML);
		assertThat(queued.expiresAt()).isBefore(Instant.now().plus(Duration.ofHours(2)));
	}

	@Test
	void refusesBadRequestsNamingTheField() throws Exception {
		String email = account("refused");
		expectField(email, "{}", "text");
		expectField(email, "{\"text\":\"a\",\"xml\":\"%s\"}".formatted(VALID_XML.replace("\"", "\\\"")), "xml");
		expectField(email, "{\"text\":\"%s\"}".formatted("&".repeat(1000)), "text");
		expectField(email, "{\"text\":\"%s\"}".formatted("x".repeat(1025)), "text");
		expectField(email, "{\"xml\":\"<NOTIFICATION><MSG>\"}", "xml");
		expectField(email, "{\"xml\":\"<ALERT><MSG/></ALERT>\"}", "xml");
		expectField(email, "{\"xml\":\"<NOTIFICATION/>\"}", "xml");
		String entity = "<!DOCTYPE NOTIFICATION [<!ENTITY x SYSTEM \\\"file:///etc/passwd\\\">]>"
				+ "<NOTIFICATION><MSG><BODY><TEXT>&x;</TEXT></BODY></MSG></NOTIFICATION>";
		expectField(email, "{\"xml\":\"%s\"}".formatted(entity), "xml");
		expectField(email, "{\"text\":\"a\",\"expiresAt\":\"2000-01-01T00:00:00Z\"}", "expiresAt");
		expectField(email, "{\"text\":\"a\",\"expiresAt\":\"%s\"}".formatted(Instant.now().plus(Duration.ofDays(31))),
				"expiresAt");
		expectField(email, "{\"text\":\"a\",\"notificationId\":4294967296}", "notificationId");
		assertThat(this.notifications.pendingFor(email)).isEmpty();
		this.mvc.perform(postJson(PUSH, "{\"text\":\"a\"}", "ghost@example.com")).andExpect(status().isNotFound());
	}

	@Test
	void broadcastsToAListOfUsers() throws Exception {
		String one = account("one");
		String two = account("two");
		String three = account("three");
		this.recorder.online(one, "NLN", "MSNP5");
		this.mvc
			.perform(postJson("/api/v1/notifications",
					"{\"to\":[\"%s\",\"%s\",\"%s\",\"%s\"],\"text\":\"All\",\"notificationId\":9}".formatted(one, two,
							three, two.toUpperCase())))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(9))
			.andExpect(jsonPath("$.recipients.length()").value(3))
			.andExpect(jsonPath("$.recipients[0].email").value(one))
			.andExpect(jsonPath("$.recipients[0].state").value("delivered"))
			.andExpect(jsonPath("$.recipients[1].state").value("queued"))
			.andExpect(jsonPath("$.recipients[2].state").value("queued"));
		assertThat(this.notifications.pendingFor(two).get(0).payload()).contains("name=\"" + two + "\"");
		assertThat(this.notifications.pendingFor(three)).hasSize(1);
		assertThat(this.recorder.eventsFor(one)).hasSize(1);
		this.recorder.offline(one);
	}

	@Test
	void broadcastsToEverybodyOnline() throws Exception {
		String online = account("everyone");
		String old = account("olddialect");
		String offline = account("notthere");
		this.recorder.online(online, "IDL", "MSNP6");
		this.recorder.online(old, "NLN", "MSNP3");
		this.mvc.perform(postJson("/api/v1/notifications", "{\"to\":\"online\",\"text\":\"Everybody\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.recipients[?(@.email == '%s')].state".formatted(online)).value("delivered"))
			.andExpect(jsonPath("$.recipients[?(@.email == '%s')]".formatted(old)).isEmpty());
		assertThat(this.notifications.pendingFor(offline)).isEmpty();
		assertThat(this.notifications.pendingFor(old)).isEmpty();
		this.recorder.offline(online);
		this.recorder.offline(old);
	}

	@Test
	void refusesBadRecipientLists() throws Exception {
		String known = account("known");
		this.mvc
			.perform(postJson("/api/v1/notifications",
					"{\"to\":[\"%s\",\"ghost@example.com\"],\"text\":\"x\"}".formatted(known)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("ghost@example.com")));
		assertThat(this.notifications.pendingFor(known)).isEmpty();
		expectBroadcastField("{\"to\":\"everyone\",\"text\":\"x\"}", "to");
		expectBroadcastField("{\"to\":[],\"text\":\"x\"}", "to");
		expectBroadcastField("{\"to\":[\"a@b\"],\"text\":\"x\"}", "to");
		expectBroadcastField("{\"to\":[1],\"text\":\"x\"}", "to");
		expectBroadcastField("{\"text\":\"x\"}", "to");
		StringBuilder many = new StringBuilder("{\"text\":\"x\",\"to\":[");
		for (int i = 0; i < 1001; i++) {
			many.append(i > 0 ? "," : "").append("\"u").append(i).append("@example.com\"");
		}
		expectBroadcastField(many.append("]}").toString(), "to");
	}

	private void expectField(String email, String json, String field) throws Exception {
		this.mvc.perform(postJson(PUSH, json, email))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private void expectBroadcastField(String json, String field) throws Exception {
		this.mvc.perform(postJson("/api/v1/notifications", json))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

}
