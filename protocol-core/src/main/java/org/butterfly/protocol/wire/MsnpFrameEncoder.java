package org.butterfly.protocol.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link Frame}s with the strict output rules of msnp.md §2.1: one space between
 * tokens, CR LF after the line, the payload's byte count as the last token of a payload
 * command and the payload right after the line. Stateless and sharable.
 */
@Sharable
public final class MsnpFrameEncoder extends MessageToByteEncoder<Frame> {

	public static final MsnpFrameEncoder INSTANCE = new MsnpFrameEncoder();

	private static final byte[] CRLF = { '\r', '\n' };

	private MsnpFrameEncoder() {
		super(Frame.class);
	}

	@Override
	protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
		write(frame, out);
	}

	@Override
	protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame frame, boolean preferDirect) {
		int estimate = 16 + frame.verb().length() + frame.payloadLength();
		for (String token : frame.tokens()) {
			estimate += token.length() + 1;
		}
		return preferDirect ? ctx.alloc().ioBuffer(estimate) : ctx.alloc().heapBuffer(estimate);
	}

	/** Appends the wire form of {@code frame} to {@code out}. */
	public static void write(Frame frame, ByteBuf out) {
		ByteBufUtil.writeUtf8(out, frame.verb());
		for (String token : frame.tokens()) {
			out.writeByte(' ');
			ByteBufUtil.writeUtf8(out, token);
		}
		byte[] payload = frame.payloadUnsafe();
		if (payload != null) {
			out.writeByte(' ');
			ByteBufUtil.writeAscii(out, Integer.toString(payload.length));
		}
		out.writeBytes(CRLF);
		if (payload != null) {
			out.writeBytes(payload);
		}
	}

	/** The wire form of {@code frame} as bytes (tests, tools). */
	public static byte[] toBytes(Frame frame) {
		ByteBuf buffer = Unpooled.buffer();
		try {
			write(frame, buffer);
			return ByteBufUtil.getBytes(buffer);
		}
		finally {
			buffer.release();
		}
	}

}
