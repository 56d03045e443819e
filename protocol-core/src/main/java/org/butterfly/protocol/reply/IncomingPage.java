package org.butterfly.protocol.reply;

import java.nio.charset.StandardCharsets;

/**
 * The {@code <NOTIFICATION>} document of an {@code IPG} (msnp.md §12.2): a page for a
 * mobile user shown by MSNP6+ clients, with {@code <VIA agent="mobile"/>}, a
 * {@code <FROM>} element and the constants of the mobile service. Laid out as §18 Example
 * 6; values are XML-escaped and {@code <BODY>} stays within 1024 bytes.
 *
 * @param id the notification id (32-bit)
 * @param recipientPid the recipient's PUID, {@code 0xHHHHHHHH:0xLLLLLLLL}
 * @param recipientName the recipient's handle (also its {@code email})
 * @param senderPid the sender's PUID
 * @param senderName the sender's handle
 * @param messageId the message id (32-bit)
 * @param language the LCID of the text
 * @param text the page text, plain
 */
public record IncomingPage(long id, String recipientPid, String recipientName, String senderPid, String senderName,
		long messageId, int language, String text) {

	/** The .NET Alerts site id of MSN Mobile (§12.2). */
	public static final String SITE_ID = "111100400";

	/** The base URL of MSN Mobile (§12.2). */
	public static final String SITE_URL = "http://mobile.msn.com/";

	private static final String CRLF = "\r\n";

	public IncomingPage {
		if (bodyXml(language, text).getBytes(StandardCharsets.UTF_8).length > NotificationDocument.MAX_BODY_BYTES) {
			throw new IllegalArgumentException(
					"the page text makes <BODY> longer than " + NotificationDocument.MAX_BODY_BYTES + " bytes");
		}
	}

	/** The document, lines separated by CR LF, no line break after the closing tag. */
	public String toXml() {
		return "<NOTIFICATION id=\"" + this.id + "\" siteid=\"" + SITE_ID + "\" siteurl=\"" + SITE_URL + "\">" + CRLF
				+ "<TO name=\"" + escape(this.recipientName) + "\" pid=\"" + escape(this.recipientPid) + "\" email=\""
				+ escape(this.recipientName) + "\">" + CRLF + "<VIA agent=\"mobile\"/>" + CRLF + "</TO>" + CRLF
				+ "<FROM pid=\"" + escape(this.senderPid) + "\" name=\"" + escape(this.senderName) + "\"/>" + CRLF
				+ "<MSG pri=\"1\" id=\"" + this.messageId + "\">" + CRLF + "<ACTION url=\"2wayIM.asp\"/>" + CRLF
				+ "<SUBSCR url=\"2wayIM.asp\"/>" + CRLF + "<CAT id=\"110110001\"/>" + CRLF
				+ bodyXml(this.language, this.text) + CRLF + "</MSG>" + CRLF + "</NOTIFICATION>";
	}

	private static String bodyXml(int language, String text) {
		return "<BODY lang=\"" + language + "\">" + CRLF + "<TEXT>" + escape(text) + "</TEXT>" + CRLF + "</BODY>";
	}

	private static String escape(String text) {
		return NotificationDocument.escape(text);
	}

}
