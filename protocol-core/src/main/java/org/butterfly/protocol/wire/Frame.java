package org.butterfly.protocol.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One MSNP command line as it crosses the wire, with its payload when the verb carries
 * one (msnp.md §2.1, §2.4).
 * <p>
 * A frame knows nothing about transaction ids or argument meanings: {@code tokens} are
 * everything after the verb, exactly as sent. For payload commands the trailing byte
 * count is not a token; the encoder writes it from the payload's length. Frames are
 * immutable and validate the strict output rules on construction, so no component can
 * send a line with an empty token, a space or a line break inside a token.
 */
public final class Frame {

	private final String verb;

	private final List<String> tokens;

	private final byte[] payload;

	private Frame(String verb, List<String> tokens, byte[] payload) {
		checkToken(verb);
		for (String token : tokens) {
			checkToken(token);
		}
		this.verb = verb;
		this.tokens = List.copyOf(tokens);
		this.payload = payload;
	}

	/** A command line without payload. */
	public static Frame of(String verb, String... tokens) {
		return new Frame(verb, Arrays.asList(tokens), null);
	}

	/** A command line without payload. */
	public static Frame of(String verb, List<String> tokens) {
		return new Frame(verb, tokens, null);
	}

	/**
	 * A payload command: the encoder appends {@code payload.length} as the last token.
	 */
	public static Frame withPayload(String verb, List<String> tokens, byte[] payload) {
		return new Frame(verb, tokens, payload.clone());
	}

	/** A payload command whose payload is UTF-8 text. */
	public static Frame withPayload(String verb, List<String> tokens, String payload) {
		return new Frame(verb, tokens, payload.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Builds a frame from loosely typed parts: every argument is turned into a token with
	 * {@code toString()}.
	 */
	public static Frame line(String verb, Object... arguments) {
		List<String> tokens = new ArrayList<>(arguments.length);
		for (Object argument : arguments) {
			tokens.add(String.valueOf(argument));
		}
		return new Frame(verb, tokens, null);
	}

	static Frame decoded(String verb, List<String> tokens, byte[] payload) {
		return new Frame(verb, tokens, payload);
	}

	public String verb() {
		return this.verb;
	}

	public List<String> tokens() {
		return this.tokens;
	}

	/** The token at {@code index} (0 is the first token after the verb). */
	public String token(int index) {
		return this.tokens.get(index);
	}

	public int tokenCount() {
		return this.tokens.size();
	}

	public boolean hasPayload() {
		return this.payload != null;
	}

	/** A copy of the payload bytes, or an empty array when the frame has none. */
	public byte[] payload() {
		return (this.payload != null) ? this.payload.clone() : new byte[0];
	}

	public int payloadLength() {
		return (this.payload != null) ? this.payload.length : 0;
	}

	public String payloadAsUtf8() {
		return (this.payload != null) ? new String(this.payload, StandardCharsets.UTF_8) : "";
	}

	byte[] payloadUnsafe() {
		return this.payload;
	}

	/**
	 * The command line as sent, without CR LF, including the byte count of a payload
	 * command.
	 */
	public String line() {
		StringBuilder line = new StringBuilder(this.verb);
		for (String token : this.tokens) {
			line.append(' ').append(token);
		}
		if (this.payload != null) {
			line.append(' ').append(this.payload.length);
		}
		return line.toString();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Frame frame) && this.verb.equals(frame.verb) && this.tokens.equals(frame.tokens)
				&& Arrays.equals(this.payload, frame.payload);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.verb.hashCode() + this.tokens.hashCode()) + Arrays.hashCode(this.payload);
	}

	@Override
	public String toString() {
		// Payloads may hold private text: show the line and the length only (STYLE.md
		// P18).
		return line();
	}

	private static void checkToken(String token) {
		if (token == null || token.isEmpty()) {
			throw new IllegalArgumentException("MSNP tokens are never empty");
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0) {
				throw new IllegalArgumentException("MSNP token contains whitespace or NUL: " + token);
			}
		}
	}

}
