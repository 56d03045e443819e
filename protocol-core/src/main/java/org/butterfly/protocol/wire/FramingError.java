package org.butterfly.protocol.wire;

/**
 * What the frame decoder emits instead of a frame when the byte stream breaks MSNP
 * framing (line too long, bad byte count, invalid text). The decoder discards everything
 * after it; one component turns it into a close (STYLE.md P3), so the decoder never
 * throws into the pipeline.
 *
 * @param reason why the stream was rejected, for logs and metrics
 * @param detail a short human-readable description (never contains payload bytes)
 */
public record FramingError(Reason reason, String detail) {

	public enum Reason {

		LINE_TOO_LONG, PAYLOAD_TOO_LARGE, INVALID_BYTE_COUNT, INVALID_TEXT, NOT_STRICT

	}

}
