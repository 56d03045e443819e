package org.butterfly.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code NOT} alert pushed by the server (msnp.md §11.6).
 *
 * @param document the {@code <NOTIFICATION>} XML document as received
 */
public record Alert(String document) {

	private static final Pattern TEXT = Pattern.compile("<TEXT>(.*?)</TEXT>", Pattern.DOTALL);

	private static final Pattern ACTION = Pattern.compile("<ACTION\\s+url=\"([^\"]*)\"");

	/** The toast text, unescaped; empty if the document has none. */
	public String text() {
		return first(TEXT);
	}

	/** The page the toast opens, relative to the site URL; empty if none. */
	public String actionUrl() {
		return first(ACTION);
	}

	private String first(Pattern pattern) {
		Matcher matcher = pattern.matcher(this.document);
		return matcher.find() ? unescape(matcher.group(1)) : "";
	}

	private static String unescape(String xml) {
		return xml.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&apos;", "'")
			.replace("&amp;", "&");
	}

}
