package org.butterfly.notification.paging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of a {@code PAG} (msnp.md §11.5): an optional {@code <PHONE>} call-back
 * number and the {@code <TEXT>}, in one of the two forms the clients send.
 *
 * @param callbackNumber the digits of {@code <NUM>}, or {@code null}
 * @param text the message with the client's {@code &#xHH;} escapes undone
 */
public record PageBody(String callbackNumber, String text) {

	private static final Pattern FORM = Pattern
		.compile("(?:<PHONE pri=\"\\d{1,3}\"><LOC>(?:HOME|WORK|MOBILE)</LOC><NUM>(\\d{1,32})</NUM></PHONE>)?"
				+ "<TEXT xml:space=\"preserve\">([^<>]*)</TEXT>");

	private static final Pattern ESCAPE = Pattern.compile("&#x([0-9A-Fa-f]{1,6});");

	/**
	 * Reads a payload.
	 * @param payload the bytes after the command line
	 * @return the body, or empty when it is not one of the two forms or has no text
	 */
	public static Optional<PageBody> parse(byte[] payload) {
		Matcher form = FORM.matcher(new String(payload, StandardCharsets.UTF_8));
		if (!form.matches()) {
			return Optional.empty();
		}
		String text = unescape(form.group(2));
		return text.isBlank() ? Optional.empty() : Optional.of(new PageBody(form.group(1), text));
	}

	private static String unescape(String escaped) {
		Matcher escape = ESCAPE.matcher(escaped);
		StringBuilder text = new StringBuilder(escaped.length());
		while (escape.find()) {
			int codePoint = Integer.parseInt(escape.group(1), 16);
			String replacement = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "\uFFFD";
			escape.appendReplacement(text, Matcher.quoteReplacement(replacement));
		}
		escape.appendTail(text);
		return text.toString();
	}

}
