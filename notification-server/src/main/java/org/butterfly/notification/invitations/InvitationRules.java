package org.butterfly.notification.invitations;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

import org.butterfly.directory.WireText;
import org.butterfly.directory.mail.OutgoingMail;

/**
 * The checks an invitation's parameters pass (msnp.md §2.5, §2.7, §11.3, §11.4); each
 * failure is an {@link InvalidInvitation}. Stateless.
 */
final class InvitationRules {

	/** The {@code library} values of the clients of the era (§11.3, §17). */
	static final Set<String> LIBRARIES = Set.of("MSMSGS", "MSNMSGR");

	/** The one {@code client-id} of the era (§11.3, §17). */
	static final String CLIENT_ID = "MSMSGS";

	private static final Pattern LCID = Pattern.compile("0[xX][0-9a-fA-F]{1,4}");

	private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

	private InvitationRules() {
	}

	/** {@code 0x0409} → 1033: hexadecimal with {@code 0x}, 1 to 0xFFFF. */
	static int lcid(String token) {
		if (!LCID.matcher(token).matches() || Integer.parseInt(token.substring(2), 16) == 0) {
			throw new InvalidInvitation("lcid '" + token + "' is not hexadecimal like 0x0409");
		}
		return Integer.parseInt(token.substring(2), 16);
	}

	static void library(String library, String clientId) {
		if (!LIBRARIES.contains(library)) {
			throw new InvalidInvitation("library '" + library + "' is neither MSMSGS nor MSNMSGR");
		}
		if (clientId != null && !clientId.equals(CLIENT_ID)) {
			throw new InvalidInvitation("client-id '" + clientId + "' is not MSMSGS");
		}
	}

	/** Whether the target is the index of a search result rather than an address. */
	static boolean isIndex(String target) {
		return INDEX.matcher(target).matches();
	}

	/** The address in lower case: a valid handle of at most 129 bytes (§2.5). */
	static String address(String target) {
		String address = WireText.normalizeHandle(target);
		if (address == null) {
			throw new InvalidInvitation("'" + target + "' is not an e-mail address");
		}
		return address;
	}

	/**
	 * The friendly name decoded: at most 387 bytes on the wire (§2.5), nothing blank and
	 * no control character once decoded (a CR or LF would end a mail header).
	 */
	static String friendlyName(String wire) {
		if (WireText.byteLength(wire) > WireText.MAX_NAME_BYTES) {
			throw new InvalidInvitation("friendly name over " + WireText.MAX_NAME_BYTES + " bytes");
		}
		String name = WireText.decode(wire);
		if (name.isBlank() || !OutgoingMail.isHeaderSafe(name)) {
			throw new InvalidInvitation("friendly name blank or with a control character");
		}
		return name.strip();
	}

	/**
	 * The appended text (§11.3: plain text): UTF-8 (malformed bytes become U+FFFD), line
	 * ends made LF, and no control characters but line ends and tabs.
	 */
	static String message(byte[] payload) {
		String text = new String(payload, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
		boolean controls = text.codePoints().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\t');
		if (controls) {
			throw new InvalidInvitation("the text holds a control character");
		}
		return text.strip();
	}

}
