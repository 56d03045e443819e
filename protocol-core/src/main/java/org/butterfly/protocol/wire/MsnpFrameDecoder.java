package org.butterfly.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Splits an MSNP byte stream into {@link Frame}s (msnp.md §2.1, §2.4, §2.9).
 * <p>
 * Stateful, one per channel. It reads a command line up to LF, and when the verb is a
 * payload verb of this direction ({@link PayloadRules}) it reads exactly the announced
 * number of raw bytes after the line: CR and LF inside a payload are data. Every length
 * is checked against {@link WireLimits} before anything is buffered.
 * <p>
 * Two modes:
 * <ul>
 * <li><b>tolerant</b> (servers, and clients facing unknown servers): a bare LF ends a
 * line, a trailing CR is stripped, tokens are split on runs of spaces and tabs, empty
 * lines are skipped (§2.1, §21);</li>
 * <li><b>strict</b> (conformance tests reading server output): only CR LF, single spaces,
 * no leading or trailing space, no empty line — anything else is a framing error, so a
 * server that breaks the output rules fails its transcripts.</li>
 * </ul>
 * A framing violation emits one {@link FramingError} and discards all further input; the
 * decoder never throws into the pipeline.
 */
public final class MsnpFrameDecoder extends ByteToMessageDecoder {

	private enum State {

		READ_LINE, READ_PAYLOAD, DISCARD

	}

	private final WireLimits limits;

	private final PayloadRules payloadRules;

	private final boolean strict;

	private State state = State.READ_LINE;

	private String pendingVerb;

	private List<String> pendingTokens;

	private int payloadLength;

	public MsnpFrameDecoder(WireLimits limits, PayloadRules payloadRules) {
		this(limits, payloadRules, false);
	}

	public MsnpFrameDecoder(WireLimits limits, PayloadRules payloadRules, boolean strict) {
		this.limits = limits;
		this.payloadRules = payloadRules;
		this.strict = strict;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		switch (this.state) {
			case READ_LINE -> readLine(in, out);
			case READ_PAYLOAD -> readPayload(in, out);
			case DISCARD -> in.skipBytes(in.readableBytes());
		}
	}

	private void readLine(ByteBuf in, List<Object> out) {
		int start = in.readerIndex();
		// A line of maxLineBytes may be followed by CR LF: look no further than that
		// before giving up.
		int window = Math.min(in.readableBytes(), this.limits.maxLineBytes() + 2);
		int lf = in.indexOf(start, start + window, (byte) '\n');
		if (lf < 0) {
			if (in.readableBytes() >= this.limits.maxLineBytes() + 2) {
				fail(in, out, FramingError.Reason.LINE_TOO_LONG, "no line end within " + this.limits.maxLineBytes());
			}
			return;
		}
		int end = lf;
		if (end > start && in.getByte(end - 1) == '\r') {
			end--;
		}
		else if (this.strict) {
			fail(in, out, FramingError.Reason.NOT_STRICT, "line ends with a bare LF");
			return;
		}
		int length = end - start;
		if (length > this.limits.maxLineBytes()) {
			fail(in, out, FramingError.Reason.LINE_TOO_LONG, length + " bytes");
			return;
		}
		String text = lineText(in, start, length);
		if (text == null) {
			fail(in, out, FramingError.Reason.INVALID_TEXT, "control character or invalid UTF-8");
			return;
		}
		List<String> tokens = this.strict ? strictTokens(text) : tolerantTokens(text);
		if (tokens == null) {
			fail(in, out, FramingError.Reason.NOT_STRICT, "spacing breaks the output rules");
			return;
		}
		in.readerIndex(lf + 1);
		if (tokens.isEmpty()) {
			return; // an empty line is ignored ([POLICY] §2.1)
		}
		String verb = tokens.get(0);
		List<String> arguments = tokens.subList(1, tokens.size());
		if (!this.payloadRules.carriesPayload(verb)) {
			out.add(Frame.decoded(verb, arguments, null));
			return;
		}
		// <verb> <tokens...> <byte count>\r\n <here> <payload>
		if (arguments.isEmpty()) {
			fail(in, out, FramingError.Reason.INVALID_BYTE_COUNT, verb + " without a byte count");
			return;
		}
		long count = parseCount(arguments.get(arguments.size() - 1));
		if (count < 0) {
			fail(in, out, FramingError.Reason.INVALID_BYTE_COUNT, verb + " byte count is not a number");
			return;
		}
		if (count > this.limits.maxPayloadBytes()) {
			fail(in, out, FramingError.Reason.PAYLOAD_TOO_LARGE, verb + " announces " + count + " bytes");
			return;
		}
		this.pendingVerb = verb;
		this.pendingTokens = List.copyOf(arguments.subList(0, arguments.size() - 1));
		this.payloadLength = (int) count;
		this.state = State.READ_PAYLOAD;
		readPayload(in, out);
	}

	private void readPayload(ByteBuf in, List<Object> out) {
		if (in.readableBytes() < this.payloadLength) {
			return;
		}
		byte[] payload = new byte[this.payloadLength];
		in.readBytes(payload);
		out.add(Frame.decoded(this.pendingVerb, this.pendingTokens, payload));
		this.pendingVerb = null;
		this.pendingTokens = null;
		this.state = State.READ_LINE;
	}

	private void fail(ByteBuf in, List<Object> out, FramingError.Reason reason, String detail) {
		this.state = State.DISCARD;
		in.skipBytes(in.readableBytes());
		out.add(new FramingError(reason, detail));
	}

	/**
	 * The line as text, or null when it holds a control character (other than TAB) or
	 * invalid UTF-8.
	 */
	private static String lineText(ByteBuf in, int start, int length) {
		boolean ascii = true;
		for (int i = start; i < start + length; i++) {
			byte b = in.getByte(i);
			if (b < 0) {
				ascii = false;
			}
			else if ((b < 0x20 && b != '\t') || b == 0x7f) {
				return null;
			}
		}
		if (ascii) {
			return in.toString(start, length, StandardCharsets.US_ASCII);
		}
		ByteBuffer bytes = in.nioBuffer(start, length);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static List<String> tolerantTokens(String text) {
		List<String> tokens = new ArrayList<>(8);
		int i = 0;
		int n = text.length();
		while (i < n) {
			while (i < n && isBlank(text.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < n && !isBlank(text.charAt(i))) {
				i++;
			}
			if (i > start) {
				tokens.add(text.substring(start, i));
			}
		}
		return tokens;
	}

	private static List<String> strictTokens(String text) {
		if (text.isEmpty() || text.indexOf('\t') >= 0 || text.startsWith(" ") || text.endsWith(" ")
				|| text.contains("  ")) {
			return null;
		}
		return List.of(text.split(" "));
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * A non-negative decimal of at most ten digits, or -1. Signs, spaces and hex are
	 * refused.
	 */
	private static long parseCount(String token) {
		if (token.isEmpty() || token.length() > 10) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
