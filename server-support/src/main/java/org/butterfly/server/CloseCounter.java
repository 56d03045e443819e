package org.butterfly.server;

import org.butterfly.protocol.pipeline.CloseReason;

/**
 * Told once per connection the server closes, with the reason's kind: the hook for close
 * metrics. {@link CloseCounts} keeps plain counters; a metrics registry (e.g. a
 * Micrometer counter per kind) plugs in as another bean of this type.
 */
@FunctionalInterface
public interface CloseCounter {

	void closed(CloseReason.Kind kind);

}
