package org.butterfly.admin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.butterfly.admin.support.AdminApiTest;
import org.butterfly.cluster.NodeRegistry;

import org.springframework.beans.factory.annotation.Autowired;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NodeApiTest extends AdminApiTest {

	private static final String BUSY = "ns_node_api_busy";

	private static final String IDLE = "ns_node_api_idle";

	private static final String ROOMS = "sb_node_api";

	@Autowired
	private NodeRegistry nodes;

	@AfterEach
	void deregister() {
		this.nodes.deregister(BUSY);
		this.nodes.deregister(IDLE);
		this.nodes.deregister(ROOMS);
	}

	@Test
	void listsTheLiveNodesOfBothRolesLeastLoadedFirst() throws Exception {
		this.nodes.register(BUSY, NodeRegistry.NOTIFICATION, "10.0.0.1:1864");
		this.nodes.heartbeat(BUSY, 7);
		this.nodes.register(IDLE, NodeRegistry.NOTIFICATION, "10.0.0.2:1864");
		this.nodes.register(ROOMS, NodeRegistry.SWITCHBOARD, "10.0.0.3:1865");
		this.nodes.heartbeat(ROOMS, 2);
		this.mvc.perform(getJson("/api/v1/nodes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(contains(IDLE, BUSY, ROOMS)))
			.andExpect(jsonPath("$[0].role").value("ns"))
			.andExpect(jsonPath("$[0].load").value(0))
			.andExpect(jsonPath("$[1].address").value("10.0.0.1:1864"))
			.andExpect(jsonPath("$[1].load").value(7))
			.andExpect(jsonPath("$[1].heartbeat").exists())
			.andExpect(jsonPath("$[1].started").exists())
			.andExpect(jsonPath("$[2].role").value("sb"))
			.andExpect(jsonPath("$[2].load").value(2));
	}

	@Test
	void narrowsToOneRole() throws Exception {
		this.nodes.register(BUSY, NodeRegistry.NOTIFICATION, "10.0.0.1:1864");
		this.nodes.register(ROOMS, NodeRegistry.SWITCHBOARD, "10.0.0.3:1865");
		this.mvc.perform(getJson("/api/v1/nodes").param("role", "sb"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(contains(ROOMS)));
		this.mvc.perform(getJson("/api/v1/nodes").param("role", "ns"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].role").value(everyItem(is("ns"))))
			.andExpect(jsonPath("$[*].id").value(contains(BUSY)));
	}

	@Test
	void refusesAnUnknownRole() throws Exception {
		this.mvc.perform(getJson("/api/v1/nodes").param("role", "ds"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("role is ns or sb, not ds"));
	}

	@Test
	void needsTheToken() throws Exception {
		this.nodes.register(BUSY, NodeRegistry.NOTIFICATION, "10.0.0.1:1864");
		this.mvc.perform(get("/api/v1/nodes")).andExpect(status().isUnauthorized());
	}

}
