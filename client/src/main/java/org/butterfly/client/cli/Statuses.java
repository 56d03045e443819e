package org.butterfly.client.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.butterfly.protocol.vocab.Status;

/** The people's names of the status codes (msnp.md §8.1), both ways. */
final class Statuses {

	private static final Map<Status, String> NAMES = Map.of(Status.NLN, "online", Status.BSY, "busy", Status.IDL,
			"idle", Status.BRB, "brb", Status.AWY, "away", Status.PHN, "phone", Status.LUN, "lunch", Status.HDN,
			"hidden", Status.FLN, "offline");

	private Statuses() {
	}

	static String name(Status status) {
		return NAMES.get(status);
	}

	/** A name ({@code away}) or a code ({@code AWY}). */
	static Optional<Status> parse(String text) {
		Optional<Status> code = Status.fromToken(text.toUpperCase(Locale.ROOT));
		if (code.isPresent()) {
			return code;
		}
		return NAMES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equalsIgnoreCase(text))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	static String all() {
		return "online, busy, idle, brb, away, phone, lunch, hidden (or the codes NLN, BSY, ...)";
	}

}
