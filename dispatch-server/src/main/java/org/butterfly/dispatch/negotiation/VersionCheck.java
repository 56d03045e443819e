package org.butterfly.dispatch.negotiation;

import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.wire.Frame;

/**
 * The answer to {@code CVR} and {@code CVQ}: the client's own version is recommended and
 * minimum, so no upgrade dialog appears ([POLICY] msnp.md §3.3, docs/adr/0201).
 *
 * @param downloadUrl where an upgrade would be downloaded
 * @param infoUrl where the client would read about it
 */
public record VersionCheck(String downloadUrl, String infoUrl) {

	public VersionCheck {
		requireToken(downloadUrl, "download URL");
		requireToken(infoUrl, "info URL");
	}

	/** {@code <verb> TrID version version version download-url info-url}. */
	public Frame reply(String verb, String trId, String clientVersion) {
		return Replies.versionCheck(verb, trId, clientVersion, clientVersion, this.downloadUrl, this.infoUrl);
	}

	private static void requireToken(String url, String what) {
		if (url == null || url.isEmpty() || url.chars().anyMatch((c) -> c <= ' ')) {
			throw new IllegalArgumentException("the version check " + what + " must be one token: '" + url + "'");
		}
	}

}
