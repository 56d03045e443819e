package org.butterfly.protocol.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden transcript: a script of what clients send and what servers must answer
 * (STYLE.md P16).
 *
 * <pre>
 * # a comment
 * SET password alicepass          a variable for ${...} expressions
 * CONNECT alice ns                 session "alice" connects to endpoint "ns" (or to ${host:port}) and becomes current
 * SESSION bob                      switch the current session
 * C: VER 1 MSNP5 CVR0              send a line; ${expr} is substituted; ${len} is the byte count of the P: lines
 * P: payload line                  payload lines after C: (joined with CR LF, no CR LF after the last one)
 * S: USR 6 MD5 S (?&lt;salt&gt;\S+)      the next line from the server matches this regex; named groups become variables
 * S= LST 8 FL 6 1 1 a@b.c x%20(y)  the next line equals this text exactly (${var} substituted)
 * P: regex / P= text               payload lines after S: / S= (checked line by line when present)
 * SUB {                            the enclosed S:/S= lines arrive in any order
 * }
 * RAW: bytes\r\n                   send raw bytes, with \r \n \t \\ and \xHH escapes
 * DRIP 250: bytes\r\n              send raw bytes one at a time, 250 ms apart, in the background (a slowloris
 *                                  sender; the script goes on at once, writes after a close are dropped)
 * WAIT 500                         pause the script for 500 ms
 * REPEAT 10000: PNG\r\n            send the raw bytes this many times in one write (pipelining)
 * NOREAD                           stop reading the current session's connection (a reader that never reads)
 * DRAIN                            read again, discard every line, and expect the server to close
 * CLOSED                           the server closes the current session's connection now
 * QUIET 200                        nothing arrives on the current session within 200 ms
 * CLOSE                            the client closes its connection
 * </pre>
 *
 * Expressions: {@code ${name}}, {@code ${md5(salt + password)}}, {@code ${"literal" +
 * name}}, {@code ${len}}.
 */
public record Transcript(String name, List<Step> steps) {

	public sealed interface Step permits Connect, Switch, Send, SendRaw, Drip, Repeat, NoRead, Drain, Wait, Expect,
			Unordered, ExpectClosed, Quiet, CloseSession, Set {

		int lineNumber();

	}

	public record Connect(int lineNumber, String session, String target) implements Step {
	}

	public record Switch(int lineNumber, String session) implements Step {
	}

	public record Send(int lineNumber, String line, List<String> payload) implements Step {
	}

	public record SendRaw(int lineNumber, String bytes) implements Step {
	}

	/** Raw bytes sent one at a time, {@code millis} apart. */
	public record Drip(int lineNumber, long millis, String bytes) implements Step {
	}

	/** Raw bytes sent {@code count} times in one write. */
	public record Repeat(int lineNumber, int count, String bytes) implements Step {
	}

	public record Wait(int lineNumber, long millis) implements Step {
	}

	public record NoRead(int lineNumber) implements Step {
	}

	public record Drain(int lineNumber) implements Step {
	}

	public record Expect(int lineNumber, String line, boolean literal, List<String> payload,
			boolean payloadLiteral) implements Step {
	}

	public record Unordered(int lineNumber, List<Expect> expectations) implements Step {
	}

	public record ExpectClosed(int lineNumber) implements Step {
	}

	public record Quiet(int lineNumber, long millis) implements Step {
	}

	public record CloseSession(int lineNumber) implements Step {
	}

	public record Set(int lineNumber, String variable, String value) implements Step {
	}

	/**
	 * Reads a transcript from the classpath, e.g.
	 * {@code /transcripts/sign-in/msnp5.msnp}.
	 */
	public static Transcript fromClasspath(String resource) {
		return parse(resource, readClasspath(resource, "transcript"));
	}

	/** A UTF-8 text resource, e.g. a transcript or a catalogue. */
	static String readClasspath(String resource, String what) {
		try (InputStream in = Transcript.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no " + what + " " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Transcript parse(String name, String text) {
		List<Step> steps = new ArrayList<>();
		List<Expect> unordered = null;
		int unorderedStart = 0;
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			int number = i + 1;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("P: ") || line.startsWith("P=") || line.equals("P:")) {
				attachPayload(name, steps, unordered, line, number);
				continue;
			}
			if (line.startsWith("S: ") || line.startsWith("S= ")) {
				Expect expect = new Expect(number, line.substring(3), line.startsWith("S="), null, false);
				if (unordered != null) {
					unordered.add(expect);
				}
				else {
					steps.add(expect);
				}
				continue;
			}
			if (unordered != null && !line.equals("}")) {
				throw error(name, number, "only S: lines inside SUB { }");
			}
			if (line.startsWith("C: ")) {
				steps.add(new Send(number, line.substring(3), null));
			}
			else if (line.startsWith("RAW: ")) {
				steps.add(new SendRaw(number, line.substring(5)));
			}
			else if (line.startsWith("DRIP ") && line.indexOf(": ") > 5) {
				int colon = line.indexOf(": ");
				steps.add(new Drip(number, Long.parseLong(line.substring(5, colon).trim()), line.substring(colon + 2)));
			}
			else if (line.startsWith("REPEAT ") && line.indexOf(": ") > 7) {
				int colon = line.indexOf(": ");
				steps.add(new Repeat(number, Integer.parseInt(line.substring(7, colon).trim()),
						line.substring(colon + 2)));
			}
			else if (line.equals("NOREAD")) {
				steps.add(new NoRead(number));
			}
			else if (line.equals("DRAIN")) {
				steps.add(new Drain(number));
			}
			else if (line.equals("SUB {")) {
				unordered = new ArrayList<>();
				unorderedStart = number;
			}
			else if (line.equals("}")) {
				if (unordered == null) {
					throw error(name, number, "} without SUB {");
				}
				steps.add(new Unordered(unorderedStart, List.copyOf(unordered)));
				unordered = null;
			}
			else if (line.equals("CLOSED")) {
				steps.add(new ExpectClosed(number));
			}
			else if (line.equals("CLOSE")) {
				steps.add(new CloseSession(number));
			}
			else {
				String[] words = line.trim().split("\\s+", 3);
				switch (words[0]) {
					case "CONNECT" -> steps.add(new Connect(number, words[1], words[2]));
					case "SESSION" -> steps.add(new Switch(number, words[1]));
					case "QUIET" -> steps.add(new Quiet(number, Long.parseLong(words[1])));
					case "WAIT" -> steps.add(new Wait(number, Long.parseLong(words[1])));
					case "SET" -> steps.add(new Set(number, words[1], (words.length > 2) ? words[2] : ""));
					default -> throw error(name, number, "unknown directive: " + line);
				}
			}
		}
		if (unordered != null) {
			throw error(name, unorderedStart, "SUB { without }");
		}
		return new Transcript(name, List.copyOf(steps));
	}

	private static void attachPayload(String name, List<Step> steps, List<Expect> unordered, String line, int number) {
		String text = (line.length() > 3) ? line.substring(3) : "";
		boolean literal = line.startsWith("P=");
		List<Step> target = steps;
		Step last = (unordered != null && !unordered.isEmpty()) ? unordered.get(unordered.size() - 1)
				: (steps.isEmpty() ? null : steps.get(steps.size() - 1));
		if (last instanceof Send send) {
			List<String> payload = (send.payload() != null) ? new ArrayList<>(send.payload()) : new ArrayList<>();
			payload.add(text);
			target.set(target.size() - 1, new Send(send.lineNumber(), send.line(), payload));
		}
		else if (last instanceof Expect expect) {
			List<String> payload = (expect.payload() != null) ? new ArrayList<>(expect.payload()) : new ArrayList<>();
			payload.add(text);
			Expect extended = new Expect(expect.lineNumber(), expect.line(), expect.literal(), payload, literal);
			if (unordered != null) {
				unordered.set(unordered.size() - 1, extended);
			}
			else {
				target.set(target.size() - 1, extended);
			}
		}
		else {
			throw error(name, number, "P: must follow C: or S:");
		}
	}

	private static IllegalArgumentException error(String name, int line, String message) {
		return new IllegalArgumentException(name + ":" + line + ": " + message);
	}

}
