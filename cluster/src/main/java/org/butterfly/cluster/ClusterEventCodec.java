package org.butterfly.cluster;

import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a batch of {@link ClusterEvent}s: an array of objects, each with its
 * {@code type} tag ({@code [{"type":"presence","account":...}]}). Thread-safe.
 */
public final class ClusterEventCodec {

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * @param events the batch
	 * @return its JSON text
	 */
	public String encode(List<? extends ClusterEvent> events) {
		return this.mapper.writeValueAsString(events.toArray(new ClusterEvent[0]));
	}

	/**
	 * @param json a batch's JSON text
	 * @return the batch
	 * @throws tools.jackson.core.JacksonException if it is not one
	 */
	public List<ClusterEvent> decode(String json) {
		return Arrays.asList(this.mapper.readValue(json, ClusterEvent[].class));
	}

}
