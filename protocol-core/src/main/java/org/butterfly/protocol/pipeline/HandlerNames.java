package org.butterfly.protocol.pipeline;

/**
 * The names of the handlers in every Butterfly server pipeline, so handlers can be found
 * and replaced by name.
 *
 * <pre>
 * inbound:  frameDecoder -> idle -> [executor group] dispatcher -> exceptions
 * outbound: frameEncoder
 * </pre>
 *
 * The decoder and the idle handler run on the channel's event loop; the dispatcher runs
 * on one executor of a bounded group, pinned per channel, so blocking work never stalls
 * I/O and a connection's commands keep their order (STYLE.md P9, docs/adr/0005).
 */
public final class HandlerNames {

	public static final String FRAME_DECODER = "msnp.frameDecoder";

	public static final String FRAME_ENCODER = "msnp.frameEncoder";

	public static final String IDLE = "msnp.idle";

	public static final String DISPATCHER = "msnp.dispatcher";

	public static final String EXCEPTIONS = "msnp.exceptions";

	private HandlerNames() {
	}

}
