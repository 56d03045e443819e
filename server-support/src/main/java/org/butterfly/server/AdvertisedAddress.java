package org.butterfly.server;

/**
 * An address a server writes into {@code XFR} and {@code RNG} lines for clients to
 * connect to, as {@code host:port}.
 * <p>
 * Some period clients only parse {@code a.b.c.d:port}, so the host must be a dotted-quad
 * IPv4 literal (msnp.md §21). Host names are refused unless explicitly allowed
 * ({@code allow-hostnames}), and so is the wildcard {@code 0.0.0.0}, which no client can
 * connect to. Immutable.
 *
 * @param host an IPv4 literal, or a host name when allowed
 * @param port 1 to 65535
 */
public record AdvertisedAddress(String host, int port) {

	public AdvertisedAddress {
		if (host == null || host.isEmpty() || host.chars().anyMatch((c) -> c <= ' ' || c == ':' || c >= 0x7f)) {
			throw new IllegalArgumentException("not a host for an MSNP address: '" + host + "'");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("not a port for an MSNP address: " + port);
		}
	}

	/**
	 * An address clients can use.
	 * @throws IllegalArgumentException when {@code host} is not an IPv4 literal and
	 * {@code allowHostnames} is false, or is the wildcard address
	 */
	public static AdvertisedAddress of(String host, int port, boolean allowHostnames) {
		if (!isIpv4Literal(host) && !allowHostnames) {
			throw new IllegalArgumentException("advertised host '" + host
					+ "' is not a dotted-quad IPv4 address; period clients only parse a.b.c.d:port"
					+ " (set allow-hostnames=true to use it anyway)");
		}
		if ("0.0.0.0".equals(host)) {
			throw new IllegalArgumentException("0.0.0.0 is a wildcard, not an address clients can connect to");
		}
		return new AdvertisedAddress(host, port);
	}

	/**
	 * Parses {@code host:port}, with the same rules as {@link #of}.
	 * @throws IllegalArgumentException when the text is not {@code host:port}
	 */
	public static AdvertisedAddress parse(String hostAndPort, boolean allowHostnames) {
		String text = hostAndPort.trim();
		int colon = text.lastIndexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			throw new IllegalArgumentException("expected host:port but got '" + hostAndPort + "'");
		}
		String port = text.substring(colon + 1);
		if (port.length() > 5 || !port.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("expected host:port but got '" + hostAndPort + "'");
		}
		return of(text.substring(0, colon), Integer.parseInt(port), allowHostnames);
	}

	/**
	 * Whether {@code host} is four decimal numbers 0-255 joined by dots, without leading
	 * zeros (which some parsers read as octal).
	 */
	public static boolean isIpv4Literal(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
					|| !part.chars().allMatch((c) -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	/** {@code host:port}, as it appears on the wire. */
	@Override
	public String toString() {
		return this.host + ":" + this.port;
	}

}
