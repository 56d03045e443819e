package org.butterfly.admin;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.contacts.ListType;

import org.springframework.beans.factory.annotation.Autowired;
import org.butterfly.directory.contacts.ListService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountApiTest extends AdminApiTest {

	@Autowired
	ListService lists;

	@Test
	void createsAnAccountWithoutShowingThePassword() throws Exception {
		String email = email("alice");
		this.mvc.perform(postJson("/api/v1/accounts", """
				{"email":"%s","password":"hunter2","friendlyName":"Alice é","profile":{"firstName":"Alice",
				"city":"Paris","searchable":true}}""".formatted(email.toUpperCase())))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith("/api/v1/accounts/" + email)))
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.friendlyName").value("Alice é"))
			.andExpect(jsonPath("$.listVersion").value(0))
			.andExpect(jsonPath("$.blp").value("AL"))
			.andExpect(jsonPath("$.gtc").value("A"))
			.andExpect(jsonPath("$.profile.city").value("Paris"))
			.andExpect(jsonPath("$.profile.searchable").value(true))
			.andExpect(content().string(not(containsString("hunter2"))))
			.andExpect(jsonPath("$.password").doesNotExist());
		// Stored in the minimal wire form (msnp.md 2.7).
		assertThat(this.accounts.find(email).orElseThrow().friendlyName()).isEqualTo("Alice%20%C3%A9");
		assertThat(this.accounts.verifyPassword(email, "hunter2")).isTrue();
	}

	@Test
	void theFriendlyNameDefaultsToTheAddress() throws Exception {
		String email = email("plain");
		this.mvc.perform(postJson("/api/v1/accounts", "{\"email\":\"%s\",\"password\":\"x\"}".formatted(email)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.friendlyName").value(email));
	}

	@Test
	void anExistingAddressInAnyCaseIsAConflict() throws Exception {
		String email = account("taken");
		this.mvc
			.perform(postJson("/api/v1/accounts",
					"{\"email\":\"%s\",\"password\":\"x\"}".formatted(email.toUpperCase())))
			.andExpect(status().isConflict())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(409));
	}

	@Test
	void refusesInvalidFieldsNamingThem() throws Exception {
		String valid = email("valid");
		expectField("{\"email\":\"a@b\",\"password\":\"x\"}", "email");
		expectField("{\"email\":\"no-at-sign.example.com\",\"password\":\"x\"}", "email");
		expectField("{\"email\":\"%s@example.com\",\"password\":\"x\"}".formatted("a".repeat(120)), "email");
		expectField("{\"password\":\"x\"}", "email");
		expectField("{\"email\":\"%s\",\"password\":\"\"}".formatted(valid), "password");
		expectField("{\"email\":\"%s\"}".formatted(valid), "password");
		expectField("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(valid, "p".repeat(73)), "password");
		expectField("{\"email\":\"%s\",\"password\":\"x\",\"friendlyName\":\"\"}".formatted(valid), "friendlyName");
		// 65 x "é" is 390 bytes once encoded (%C3%A9), over 387.
		expectField("{\"email\":\"%s\",\"password\":\"x\",\"friendlyName\":\"%s\"}".formatted(valid, "é".repeat(65)),
				"friendlyName");
		expectField(
				"{\"email\":\"%s\",\"password\":\"x\",\"profile\":{\"city\":\"%s\"}}".formatted(valid, "c".repeat(101)),
				"profile.city");
		assertThat(this.accounts.find(valid)).isEmpty();
	}

	@Test
	void reportsEveryInvalidFieldAtOnce() throws Exception {
		this.mvc.perform(postJson("/api/v1/accounts", "{\"email\":\"a@b\",\"password\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());
	}

	@Test
	void acceptsANameOfExactly387EncodedBytes() throws Exception {
		String email = email("longname");
		// 129 x "é" would be 774 bytes; 64 x "é" (384) + "abc" = 387.
		this.mvc
			.perform(postJson("/api/v1/accounts",
					"{\"email\":\"%s\",\"password\":\"x\",\"friendlyName\":\"%s\"}".formatted(email,
							"é".repeat(64) + "abc")))
			.andExpect(status().isCreated());
	}

	@Test
	void findsOneAccount() throws Exception {
		String email = account("found");
		this.mvc.perform(getJson("/api/v1/accounts/{email}", email.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(email));
		this.mvc.perform(getJson("/api/v1/accounts/{email}", "nobody-here@example.com"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void searchesByAddressFragmentInPages() throws Exception {
		String marker = "srch" + System.nanoTime();
		for (int i = 0; i < 3; i++) {
			account(marker);
		}
		this.mvc.perform(getJson("/api/v1/accounts?q={q}&size=2&page=0", marker))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accounts.length()").value(2))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.size").value(2));
		this.mvc.perform(getJson("/api/v1/accounts?q={q}&size=2&page=1", marker))
			.andExpect(jsonPath("$.accounts.length()").value(1));
		this.mvc.perform(getJson("/api/v1/accounts?size=101")).andExpect(status().isBadRequest());
		this.mvc.perform(getJson("/api/v1/accounts?size=0")).andExpect(status().isBadRequest());
		this.mvc.perform(getJson("/api/v1/accounts?page=-1")).andExpect(status().isBadRequest());
		this.mvc.perform(getJson("/api/v1/accounts?q={q}", "q".repeat(130))).andExpect(status().isBadRequest());
	}

	@Test
	void changesNameBlpGtcProfileAndPassword() throws Exception {
		String email = account("patched");
		this.mvc.perform(patchJson("/api/v1/accounts/{email}", """
				{"friendlyName":"New Name","blp":"BL","gtc":"N","password":"changed",
				"profile":{"lastName":"Smith"}}""", email))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.friendlyName").value("New Name"))
			.andExpect(jsonPath("$.blp").value("BL"))
			.andExpect(jsonPath("$.gtc").value("N"))
			.andExpect(jsonPath("$.listVersion").value(1))
			.andExpect(jsonPath("$.profile.lastName").value("Smith"));
		assertThat(this.accounts.find(email).orElseThrow().friendlyName()).isEqualTo("New%20Name");
		assertThat(this.accounts.verifyPassword(email, "changed")).isTrue();
	}

	@Test
	void aNameChangeReachesTheWatchers() throws Exception {
		String owner = account("renamed");
		String watcher = account("watcher");
		this.lists.add(watcher, ListType.FL, owner, owner);
		this.recorder.online(owner, "NLN", "MSNP5");
		this.recorder.online(watcher, "NLN", "MSNP5");
		this.mvc.perform(patchJson("/api/v1/accounts/{email}", "{\"friendlyName\":\"Renamed\"}", owner))
			.andExpect(status().isOk());
		assertThat(this.recorder.eventsFor(watcher))
			.contains(new ClusterEvent.PresenceChanged(watcher, owner, "NLN", "Renamed"));
	}

	@Test
	void refusesInvalidChanges() throws Exception {
		String email = account("badpatch");
		this.mvc.perform(patchJson("/api/v1/accounts/{email}", "{\"friendlyName\":\"\"}", email))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("friendlyName"));
		this.mvc.perform(patchJson("/api/v1/accounts/{email}", "{\"password\":\"\"}", email))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		this.mvc.perform(patchJson("/api/v1/accounts/{email}", "{\"blp\":\"XX\"}", email))
			.andExpect(status().isBadRequest());
		this.mvc.perform(patchJson("/api/v1/accounts/{email}", "{\"gtc\":\"A\"}", "missing@example.com"))
			.andExpect(status().isNotFound());
	}

	@Test
	void deletionSignsOutAndTellsEveryListOwner() throws Exception {
		String doomed = account("doomed");
		String friend = account("friend");
		this.lists.add(friend, ListType.FL, doomed, doomed);
		this.lists.add(doomed, ListType.FL, friend, friend);
		long before = this.accounts.find(friend).orElseThrow().listVersion();
		this.recorder.online(doomed, "NLN", "MSNP5");
		this.recorder.online(friend, "NLN", "MSNP5");
		this.mvc.perform(deleteJson("/api/v1/accounts/{email}", doomed)).andExpect(status().isNoContent());
		assertThat(this.recorder.eventsFor(doomed)).contains(new ClusterEvent.Kick(doomed));
		long after = this.accounts.find(friend).orElseThrow().listVersion();
		assertThat(after).isEqualTo(before + 1);
		assertThat(this.recorder.eventsFor(friend)).contains(new ClusterEvent.EntryRemoved(friend, "FL", after, doomed),
				new ClusterEvent.EntryRemoved(friend, "RL", after, doomed));
		this.mvc.perform(getJson("/api/v1/accounts/{email}", doomed)).andExpect(status().isNotFound());
		this.mvc.perform(deleteJson("/api/v1/accounts/{email}", doomed)).andExpect(status().isNotFound());
		this.recorder.offline(doomed);
		this.recorder.offline(friend);
	}

	@Test
	void everyEndpointNeedsTheToken() throws Exception {
		String email = account("secretive");
		this.mvc.perform(get("/api/v1/accounts/{email}", email))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().string(not(containsString(email))));
		this.mvc.perform(get("/api/v1/accounts/{email}", "nobody@example.com").header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/accounts").header("Authorization", "Basic " + TOKEN))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/sessions").header("Authorization", "Bearer " + TOKEN + "x"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/sessions").header("Authorization", "Bearer " + TOKEN)).andExpect(status().isOk());
	}

	@Test
	void healthAndTheApiDescriptionAreOpen() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Butterfly admin API"))
			.andExpect(jsonPath("$.components.securitySchemes.adminToken.scheme").value("bearer"))
			.andExpect(jsonPath("$.paths['/api/v1/accounts']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/accounts/{email}/notifications']").exists());
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
	}

	private void expectField(String json, String field) throws Exception {
		this.mvc.perform(postJson("/api/v1/accounts", json))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

}
