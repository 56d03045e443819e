package org.butterfly.admin.nodes;

import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.butterfly.admin.web.ApiException;
import org.butterfly.cluster.NodeRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cluster's live nodes and their load (docs/adr/0603). */
@RestController
@RequestMapping("/api/v1/nodes")
@Tag(name = "nodes")
public class NodeController {

	/** The roles the registry knows, in the order they are listed. */
	private static final List<String> ROLES = List.of(NodeRegistry.NOTIFICATION, NodeRegistry.SWITCHBOARD);

	private final NodeRegistry registry;

	public NodeController(NodeRegistry clusterNodeRegistry) {
		this.registry = clusterNodeRegistry;
	}

	@GetMapping
	@Operation(summary = "The live notification (ns) and switchboard (sb) nodes, least loaded first per role",
			description = "A node is live while its heartbeat has not expired. load is what the node reported with "
					+ "its last heartbeat: its sessions (ns) or rooms (sb). role=ns or role=sb narrows the list; "
					+ "400 for another role.")
	public List<NodeView> live(@RequestParam(required = false) String role) {
		if (role != null && !ROLES.contains(role)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "role is ns or sb, not " + role);
		}
		Stream<String> roles = (role != null) ? Stream.of(role) : ROLES.stream();
		return roles.flatMap((each) -> this.registry.live(each).stream()).map(NodeView::of).toList();
	}

}
