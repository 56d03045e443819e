package org.butterfly.admin;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ListApiTest extends AdminApiTest {

	@Autowired
	ListService lists;

	@Test
	void showsTheListsAsSynWouldSendThem() throws Exception {
		String owner = account("owner");
		String friend = account("friend");
		String blocked = account("blocked");
		this.lists.add(owner, ListType.FL, friend, "Best%20Friend");
		this.lists.add(owner, ListType.BL, blocked, blocked);
		this.lists.add(friend, ListType.FL, owner, owner);
		this.mvc.perform(getJson("/api/v1/accounts/{email}/lists", owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(3))
			.andExpect(jsonPath("$.blp").value("AL"))
			.andExpect(jsonPath("$.gtc").value("A"))
			.andExpect(jsonPath("$.FL[0].email").value(friend))
			.andExpect(jsonPath("$.FL[0].friendlyName").value("Best Friend"))
			.andExpect(jsonPath("$.FL[0].groups[0]").value(0))
			.andExpect(jsonPath("$.AL.length()").value(0))
			.andExpect(jsonPath("$.BL[0].email").value(blocked))
			.andExpect(jsonPath("$.BL[0].groups").doesNotExist())
			.andExpect(jsonPath("$.RL[0].email").value(friend))
			.andExpect(jsonPath("$.phones.MOB").value("N"))
			.andExpect(jsonPath("$.phones.MBE").value("N"))
			.andExpect(jsonPath("$.groups[0].id").value(0));
		this.mvc.perform(getJson("/api/v1/accounts/{email}/lists", "nobody@example.com"))
			.andExpect(status().isNotFound());
	}

	@Test
	void addingToTheForwardListActsLikeAdd() throws Exception {
		String owner = account("adder");
		String contact = account("added");
		this.recorder.online(owner, "NLN", "MSNP5");
		this.recorder.online(contact, "BSY", "MSNP5");
		this.mvc
			.perform(putJson("/api/v1/accounts/{email}/lists/FL/{contact}", "{\"friendlyName\":\"Bob é\"}", owner,
					contact.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.list").value("FL"))
			.andExpect(jsonPath("$.email").value(contact))
			.andExpect(jsonPath("$.friendlyName").value("Bob é"))
			.andExpect(jsonPath("$.version").value(1));
		// The contact's RL gained the owner, with the owner's friendly name (msnp.md
		// 9.1).
		assertThat(this.recorder.eventsFor(contact))
			.containsExactly(new ClusterEvent.EntryAdded(contact, "RL", 1, owner, owner.replace("@", "%40")));
		// The owner's own session hears of it as ADD 0 FL, then the phones and presence.
		assertThat(this.recorder.eventsFor(owner)).containsExactly(
				new ClusterEvent.EntryAdded(owner, "FL", 1, contact, "Bob%20%C3%A9"),
				new ClusterEvent.PhonesChanged(owner, 1, contact, phones()),
				new ClusterEvent.PresenceChanged(owner, contact, "BSY", "Name%20a"));
		assertThat(this.accounts.find(contact).orElseThrow().listVersion()).isEqualTo(1);
		this.recorder.offline(owner);
		this.recorder.offline(contact);
	}

	@Test
	void theBodyIsOptional() throws Exception {
		String owner = account("nobody");
		String contact = account("named");
		this.mvc.perform(authorized(put("/api/v1/accounts/{email}/lists/FL/{contact}", owner, contact)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.friendlyName").value(contact));
		this.mvc.perform(authorized(put("/api/v1/accounts/{email}/lists/AL/{contact}", owner, contact)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.friendlyName").value(contact))
			.andExpect(jsonPath("$.version").value(2));
	}

	@Test
	void refusalsCarryTheProtocolsErrorCode() throws Exception {
		String owner = account("refused");
		String contact = account("target");
		String uri = "/api/v1/accounts/{email}/lists/{list}/{contact}";
		this.mvc.perform(putJson(uri, "{}", owner, "FL", contact)).andExpect(status().isOk());
		expect(putJson(uri, "{}", owner, "FL", contact), 409, 215);
		expect(putJson(uri, "{}", owner, "FL", "ghost@example.com"), 404, 205);
		expect(putJson(uri, "{}", owner, "FL", "a@b"), 400, 201);
		expect(putJson(uri, "{}", owner, "FL", owner), 400, 201);
		this.mvc.perform(putJson(uri, "{}", owner, "AL", contact)).andExpect(status().isOk());
		expect(putJson(uri, "{}", owner, "BL", contact), 409, 219);
		expect(deleteJson(uri, owner, "BL", contact), 404, 216);
		this.mvc.perform(putJson(uri, "{}", owner, "RL", contact))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("READ_ONLY_LIST"));
		this.mvc.perform(putJson(uri, "{}", owner, "XL", contact))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("UNKNOWN_LIST"));
		this.mvc.perform(putJson(uri, "{\"friendlyName\":\"%s\"}".formatted("é".repeat(65)), owner, "BL", contact))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("friendlyName"));
		this.mvc.perform(putJson(uri, "{}", "ghost@example.com", "FL", contact)).andExpect(status().isNotFound());
		// Refused commands move no version.
		assertThat(this.accounts.find(owner).orElseThrow().listVersion()).isEqualTo(2);
	}

	@Test
	void aFullListIsAConflict() throws Exception {
		String owner = account("full");
		for (int i = 0; i < BLOCK_LIST_LIMIT; i++) {
			this.mvc.perform(putJson("/api/v1/accounts/{email}/lists/BL/{contact}", "{}", owner, account("bl")))
				.andExpect(status().isOk());
		}
		expect(putJson("/api/v1/accounts/{email}/lists/BL/{contact}", "{}", owner, account("bl")), 409, 210);
	}

	@Test
	void removingFromTheForwardListActsLikeRem() throws Exception {
		String owner = account("remover");
		String contact = account("removed");
		this.lists.add(owner, ListType.FL, contact, contact);
		this.recorder.online(owner, "NLN", "MSNP5");
		this.recorder.online(contact, "NLN", "MSNP5");
		this.mvc.perform(deleteJson("/api/v1/accounts/{email}/lists/FL/{contact}", owner, contact))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
		assertThat(this.recorder.eventsFor(contact))
			.containsExactly(new ClusterEvent.EntryRemoved(contact, "RL", 2, owner));
		assertThat(this.recorder.eventsFor(owner))
			.containsExactly(new ClusterEvent.EntryRemoved(owner, "FL", 2, contact));
		this.recorder.offline(owner);
		this.recorder.offline(contact);
	}

	@Test
	void blockingReEvaluatesTheWatchersPresence() throws Exception {
		String owner = account("blocker");
		String watcher = account("watching");
		this.lists.add(watcher, ListType.FL, owner, owner);
		this.recorder.online(owner, "NLN", "MSNP5");
		this.recorder.online(watcher, "NLN", "MSNP5");
		this.mvc.perform(putJson("/api/v1/accounts/{email}/lists/BL/{contact}", "{}", owner, watcher))
			.andExpect(status().isOk());
		assertThat(this.recorder.eventsFor(watcher))
			.containsExactly(new ClusterEvent.PresenceChanged(watcher, owner, null, null));
		this.mvc.perform(deleteJson("/api/v1/accounts/{email}/lists/BL/{contact}", owner, watcher))
			.andExpect(status().isOk());
		assertThat(this.recorder.eventsFor(watcher))
			.endsWith(new ClusterEvent.PresenceChanged(watcher, owner, "NLN", "Name%20b"));
		this.recorder.offline(owner);
		this.recorder.offline(watcher);
	}

	private void expect(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status,
			int msnpError) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().is(status))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.msnpError").value(msnpError));
	}

	private static java.util.Map<String, String> phones() {
		java.util.Map<String, String> phones = new java.util.LinkedHashMap<>();
		phones.put("PHH", null);
		phones.put("PHW", null);
		phones.put("PHM", null);
		phones.put("MOB", "N");
		return phones;
	}

}
