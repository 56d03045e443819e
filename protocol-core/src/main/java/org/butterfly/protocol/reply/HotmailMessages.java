package org.butterfly.protocol.reply;

import org.butterfly.protocol.vocab.Dialect;

/**
 * The MIME payloads the pseudo-user {@code Hotmail} sends on the notification server
 * (msnp.md §5.5-§5.7). Each ends with the empty line that closes its header block; the
 * byte count is the payload's UTF-8 length.
 */
public final class HotmailMessages {

	private static final String CRLF = "\r\n";

	private HotmailMessages() {
	}

	/**
	 * The profile sent right after {@code USR ... OK}: {@code LoginTime} only in MSNP2,
	 * the Passport fields in their published order from MSNP3 (§5.5).
	 */
	public static String profile(Dialect dialect, Profile profile) {
		StringBuilder out = new StringBuilder(512);
		header(out, "MIME-Version", "1.0");
		header(out, "Content-Type", "text/x-msmsgsprofile; charset=UTF-8");
		header(out, "LoginTime", Long.toString(profile.loginTime()));
		if (dialect.hasPassportProfile()) {
			header(out, "EmailEnabled", profile.emailEnabled() ? "1" : "0");
			header(out, "MemberIdHigh", Long.toString(profile.memberIdHigh()));
			header(out, "MemberIdLow", Long.toString(profile.memberIdLow()));
			header(out, "lang_preference", Integer.toString(profile.langPreference()));
			header(out, "PreferredEmail", profile.preferredEmail());
			header(out, "country", profile.country());
			header(out, "PostalCode", profile.postalCode());
			header(out, "Gender", profile.gender());
			header(out, "Kid", "0");
			header(out, "Age", "");
			header(out, "BDayPre", "");
			header(out, "Birthday", "");
			header(out, "Wallet", "");
			header(out, "Flags", "1027");
			header(out, "sid", "507");
			header(out, "kv", "2");
			header(out, "MSPAuth", profile.mspAuth());
		}
		return out.append(CRLF).toString();
	}

	/**
	 * The initial mailbox status, sent after the profile when e-mail is enabled (§5.6).
	 */
	public static String initialEmail(Dialect dialect, int inboxUnread, int foldersUnread, String inboxUrl,
			String foldersUrl, String postUrl) {
		StringBuilder out = new StringBuilder(256);
		header(out, "MIME-Version", "1.0");
		header(out, "Content-Type", dialect.hasModernMailContentTypes()
				? "text/x-msmsgsinitialemailnotification; charset=UTF-8" : "application/x-msmsgsemailnotification");
		out.append(CRLF);
		header(out, "Inbox-Unread", Integer.toString(inboxUnread));
		header(out, "Folders-Unread", Integer.toString(foldersUnread));
		header(out, "Inbox-URL", inboxUrl);
		header(out, "Folders-URL", foldersUrl);
		header(out, "Post-URL", postUrl);
		return out.append(CRLF).toString();
	}

	/** The maintenance message: the server shuts down in {@code minutes} (§5.7). */
	public static String systemShutdown(int minutes) {
		StringBuilder out = new StringBuilder(128);
		header(out, "MIME-Version", "1.0");
		header(out, "Content-Type", "application/x-msmsgssystemmessage");
		out.append(CRLF);
		header(out, "Type", "1");
		header(out, "Arg1", Integer.toString(minutes));
		return out.append(CRLF).toString();
	}

	private static void header(StringBuilder out, String name, String value) {
		// A header with an empty value is written "Name: " (colon, space, nothing), as
		// §2.4 says.
		out.append(name).append(": ").append(value).append(CRLF);
	}

	/**
	 * What the profile message says about the user (§5.5).
	 *
	 * @param mspAuth an opaque ticket the client hands to web services opened with
	 * {@code URL}
	 */
	public record Profile(long loginTime, boolean emailEnabled, long memberIdHigh, long memberIdLow, int langPreference,
			String preferredEmail, String country, String postalCode, String gender, String mspAuth) {
	}

}
