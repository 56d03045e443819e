package org.butterfly.switchboard.leave;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.butterfly.switchboard.room.Room;
import org.butterfly.switchboard.session.SwitchboardSession;

/**
 * Takes a closed connection out of its room, however it closed: {@code OUT}, the client
 * hanging up, a framing error, idleness or a slow reader. It sits right after the
 * dispatcher, on the same worker, so the departure is handed to the room after every
 * command the connection sent before it (a message sent just before {@code OUT} is
 * relayed before the {@code BYE}). Stateless and sharable.
 */
@Sharable
public final class DepartureHandler extends ChannelInboundHandlerAdapter {

	/** The handler's name in the pipeline, right after the dispatcher. */
	public static final String NAME = "sb.departure";

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		SwitchboardSession session = SwitchboardSession.of(ctx.channel());
		Room room = session.room();
		if (room != null) {
			room.execute(() -> room.leave(session));
		}
		ctx.fireChannelInactive();
	}

}
