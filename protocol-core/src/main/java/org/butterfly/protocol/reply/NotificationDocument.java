package org.butterfly.protocol.reply;

import java.nio.charset.StandardCharsets;

/**
 * A {@code <NOTIFICATION>} document as MSNP5-era clients read it (msnp.md §11.6), the
 * payload of {@code NOT}. Attribute values and text are XML-escaped; {@code <BODY>} with
 * its tags must stay within 1024 bytes.
 *
 * @param id the notification id (32-bit)
 * @param siteId the .NET Alerts site id ({@code 0} stock icon, {@code 1} calendar,
 * anything else the bell)
 * @param siteUrl base URL that {@code actionUrl}, {@code subscriptionUrl} and the icon
 * are relative to
 * @param recipientPid the recipient's PUID, {@code 0xHHHHHHHH:0xLLLLLLLL}
 * @param recipientName the recipient's handle
 * @param messageId the message id the client reports when the alert is clicked
 * @param actionUrl page opened when the toast is clicked
 * @param subscriptionUrl page opened to manage the subscription
 * @param language the LCID of the text, e.g. {@code 1033}
 * @param text the toast text
 */
public record NotificationDocument(long id, String siteId, String siteUrl, String recipientPid, String recipientName,
		long messageId, String actionUrl, String subscriptionUrl, int language, String text) {

	/** The size limit of {@code <BODY>...</BODY>} (§11.6). */
	public static final int MAX_BODY_BYTES = 1024;

	private static final String CRLF = "\r\n";

	public NotificationDocument {
		if (bodyXml(language, text).getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
			throw new IllegalArgumentException(
					"the notification text makes <BODY> longer than " + MAX_BODY_BYTES + " bytes");
		}
	}

	/**
	 * The recipient's PUID in the document's {@code pid} form, from the profile's member
	 * id halves (§5.5).
	 */
	public static String pid(long memberIdHigh, long memberIdLow) {
		return String.format("0x%08x:0x%08x", memberIdHigh, memberIdLow);
	}

	/**
	 * The document, lines separated by CR LF, no line break after the closing tag (§18
	 * Example 1).
	 */
	public String toXml() {
		return "<NOTIFICATION ver=\"1\" id=\"" + this.id + "\" siteid=\"" + escape(this.siteId) + "\" siteurl=\""
				+ escape(this.siteUrl) + "\">" + CRLF + "<TO pid=\"" + escape(this.recipientPid) + "\" name=\""
				+ escape(this.recipientName) + "\" />" + CRLF + "<MSG pri=\"\" id=\"" + this.messageId + "\">" + CRLF
				+ "<ACTION url=\"" + escape(this.actionUrl) + "\" />" + CRLF + "<SUBSCR url=\""
				+ escape(this.subscriptionUrl) + "\" />" + CRLF + bodyXml(this.language, this.text) + CRLF + "</MSG>"
				+ CRLF + "</NOTIFICATION>";
	}

	private static String bodyXml(int language, String text) {
		return "<BODY lang=\"" + language + "\" icon=\"\">" + CRLF + "<TEXT>" + escape(text) + "</TEXT>" + CRLF
				+ "</BODY>";
	}

	/**
	 * Escapes {@code & < > "} as §11.6 asks, and {@code '} for safety inside attributes.
	 */
	public static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
