package org.butterfly.client;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A switchboard message payload: MIME headers, a blank line, a body (msnp.md §14.4). The
 * server relays the bytes untouched; this is only the clients' convention.
 *
 * @param headers the headers in order (names as sent)
 * @param body the body, decoded as UTF-8
 */
public record Message(Map<String, String> headers, String body) {

	private static final String CRLF = "\r\n";

	public Message {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/** A chat line, formatted as MSN Messenger 3.x/4.x sends it. */
	public static Message text(String text) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("MIME-Version", "1.0");
		headers.put("Content-Type", "text/plain; charset=UTF-8");
		headers.put("X-MMS-IM-Format", "FN=MS%20Sans%20Serif; EF=; CO=0; CS=0; PF=0");
		return new Message(headers, text);
	}

	/** The "is typing" notice (sent with ack mode {@code U}). */
	public static Message typing(String handle) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("MIME-Version", "1.0");
		headers.put("Content-Type", "text/x-msmsgscontrol");
		headers.put("TypingUser", handle);
		return new Message(headers, CRLF);
	}

	/** Parses a payload; without a blank line the whole payload is headers. */
	public static Message parse(byte[] payload) {
		String text = new String(payload, StandardCharsets.UTF_8);
		int end = text.indexOf(CRLF + CRLF);
		String head = (end >= 0) ? text.substring(0, end) : text;
		String body = (end >= 0) ? text.substring(end + 4) : "";
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : head.split(CRLF)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
			}
		}
		return new Message(headers, body);
	}

	/** The {@code Content-Type} without parameters, lower case; empty if absent. */
	public String contentType() {
		for (Map.Entry<String, String> header : this.headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase("Content-Type")) {
				return header.getValue().split(";")[0].trim().toLowerCase(Locale.ROOT);
			}
		}
		return "";
	}

	/** Whether this is a chat line someone typed. */
	public boolean isText() {
		return contentType().equals("text/plain");
	}

	/** The payload bytes. */
	public byte[] toBytes() {
		StringBuilder payload = new StringBuilder();
		this.headers.forEach((name, value) -> payload.append(name).append(": ").append(value).append(CRLF));
		payload.append(CRLF).append(this.body);
		return payload.toString().getBytes(StandardCharsets.UTF_8);
	}

}
