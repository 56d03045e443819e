package org.butterfly.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Node ids: the role and 48 random bits, new at each process start. */
public final class NodeIds {

	private static final SecureRandom random = new SecureRandom();

	private NodeIds() {
	}

	/**
	 * @param role the node's role, e.g. {@link NodeRegistry#NOTIFICATION}
	 * @return a fresh id such as {@code ns_3f09a1c2b7d4}
	 */
	public static String random(String role) {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return role + "_" + HexFormat.of().formatHex(bytes);
	}

}
