package org.butterfly.cluster.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.butterfly.cluster.NodeMembership;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Puts this node's cluster id in {@code /actuator/info} ({@code node.id}), the id the
 * node registry, the session directory and the logs know it by. The version comes from
 * the {@code info.butterfly.*} properties of each application.
 */
public final class NodeInfoContributor implements InfoContributor {

	private final ClusterProperties.Mode mode;

	private final List<NodeMembership> memberships;

	public NodeInfoContributor(ClusterProperties.Mode mode, List<NodeMembership> memberships) {
		this.mode = mode;
		this.memberships = List.copyOf(memberships);
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> node = new LinkedHashMap<>();
		this.memberships.forEach((membership) -> node.put("id", membership.id()));
		node.put("cluster", this.mode.name().toLowerCase());
		builder.withDetail("node", node);
	}

}
