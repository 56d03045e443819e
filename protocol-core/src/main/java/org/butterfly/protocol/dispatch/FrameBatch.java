package org.butterfly.protocol.dispatch;

import java.util.List;
import java.util.function.Consumer;

/**
 * Frames (and at most a final framing error) decoded from one read of a connection,
 * handed to its command executor together: one task per read instead of one per pipelined
 * command. Made by {@link FrameBatcher}, taken apart by {@link CommandDispatcher} in
 * order.
 *
 * @param messages what the decoder produced, in order
 */
public record FrameBatch(List<Object> messages) {

	/**
	 * Hands {@code each} the messages of {@code msg} if it is a batch, in order, else
	 * {@code msg} itself.
	 */
	public static void unpack(Object msg, Consumer<Object> each) {
		if (msg instanceof FrameBatch batch) {
			batch.messages().forEach(each);
		}
		else {
			each.accept(msg);
		}
	}

}
