package org.butterfly.protocol.wire;

/**
 * Size limits enforced by the frame decoder before anything is buffered (msnp.md §2.5).
 *
 * @param maxLineBytes longest accepted command line, without its line terminator
 * @param maxPayloadBytes largest accepted payload of a payload command
 */
public record WireLimits(int maxLineBytes, int maxPayloadBytes) {

	/**
	 * What a server accepts from clients: 4096-byte lines and 1664-byte payloads
	 * ([POLICY] §2.5).
	 */
	public static final WireLimits SERVER = new WireLimits(4096, 1664);

	/**
	 * What a client accepts from servers: server payloads (profile, NOT, IPG, relayed
	 * MSG) can be larger.
	 */
	public static final WireLimits CLIENT = new WireLimits(8192, 65536);

	public WireLimits {
		if (maxLineBytes < 16 || maxPayloadBytes < 0) {
			throw new IllegalArgumentException("limits too small: " + maxLineBytes + "/" + maxPayloadBytes);
		}
	}

}
