package org.butterfly.protocol.testing;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

import org.butterfly.protocol.testing.Transcript.CloseSession;
import org.butterfly.protocol.testing.Transcript.Connect;
import org.butterfly.protocol.testing.Transcript.Drain;
import org.butterfly.protocol.testing.Transcript.Drip;
import org.butterfly.protocol.testing.Transcript.NoRead;
import org.butterfly.protocol.testing.Transcript.Repeat;
import org.butterfly.protocol.testing.Transcript.Expect;
import org.butterfly.protocol.testing.Transcript.ExpectClosed;
import org.butterfly.protocol.testing.Transcript.Quiet;
import org.butterfly.protocol.testing.Transcript.Send;
import org.butterfly.protocol.testing.Transcript.SendRaw;
import org.butterfly.protocol.testing.Transcript.Set;
import org.butterfly.protocol.testing.Transcript.Step;
import org.butterfly.protocol.testing.Transcript.Switch;
import org.butterfly.protocol.testing.Transcript.Unordered;
import org.butterfly.protocol.testing.Transcript.Wait;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.MsnpFrameEncoder;

/**
 * Runs a {@link Transcript} against servers reachable at named endpoints, over TCP or
 * Netty's in-JVM transport. It fails with the transcript's line number and what arrived
 * instead. After the last step, every session must have nothing left unread: a server
 * that sends an extra line fails its transcript.
 */
public final class TranscriptRunner {

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

	private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

	private final Map<String, SocketAddress> endpoints;

	private final Duration timeout;

	private final Map<String, String> variables = new HashMap<>();

	private final Map<String, MsnpTestClient> sessions = new LinkedHashMap<>();

	private MsnpTestClient current;

	private String currentName;

	/**
	 * @param endpoints where {@code CONNECT} goes, e.g. {@code ds}, {@code ns},
	 * {@code sb}
	 */
	public TranscriptRunner(Map<String, SocketAddress> endpoints) {
		this(endpoints, Duration.ofSeconds(5));
	}

	public TranscriptRunner(Map<String, SocketAddress> endpoints, Duration timeout) {
		this.endpoints = Map.copyOf(endpoints);
		this.timeout = timeout;
	}

	/** Sets a variable before running, e.g. generated account names. */
	public TranscriptRunner with(String variable, String value) {
		this.variables.put(variable, value);
		return this;
	}

	public void run(String resource) {
		run(Transcript.fromClasspath(resource));
	}

	public void run(Transcript transcript) {
		try {
			for (Step step : transcript.steps()) {
				try {
					execute(step);
				}
				catch (AssertionError | RuntimeException ex) {
					throw new AssertionError(transcript.name() + ":" + step.lineNumber() + " [" + this.currentName
							+ "]: " + ex.getMessage(), ex);
				}
			}
			for (Map.Entry<String, MsnpTestClient> session : this.sessions.entrySet()) {
				Object extra = session.getValue().next(Duration.ofMillis(50));
				if (extra != null && extra != MsnpTestClient.CLOSED) {
					throw new AssertionError(transcript.name() + ": session " + session.getKey()
							+ " received an unexpected line after the script ended: " + describe(extra));
				}
			}
		}
		finally {
			this.sessions.values().forEach(MsnpTestClient::close);
			this.sessions.clear();
		}
	}

	public Map<String, String> variables() {
		return Map.copyOf(this.variables);
	}

	private void execute(Step step) {
		if (step instanceof Connect connect) {
			SocketAddress address = this.endpoints.get(connect.target());
			if (address == null) {
				address = parseAddress(substitute(connect.target()));
			}
			MsnpTestClient client = MsnpTestClient.connect(address);
			MsnpTestClient previous = this.sessions.put(connect.session(), client);
			if (previous != null) {
				previous.close();
			}
			this.current = client;
			this.currentName = connect.session();
		}
		else if (step instanceof Switch change) {
			this.current = this.sessions.get(change.session());
			this.currentName = change.session();
			if (this.current == null) {
				throw new IllegalStateException("no session " + change.session());
			}
		}
		else if (step instanceof Set set) {
			this.variables.put(set.variable(), substitute(set.value()));
		}
		else if (step instanceof Send send) {
			session().sendRaw(wire(send));
		}
		else if (step instanceof SendRaw raw) {
			sendRaw(unescape(substitute(raw.bytes())));
		}
		else if (step instanceof Drip drip) {
			Channel channel = session().channel();
			byte[] bytes = unescape(substitute(drip.bytes()));
			for (int i = 0; i < bytes.length; i++) {
				ByteBuf one = Unpooled.wrappedBuffer(bytes, i, 1);
				channel.eventLoop().schedule(() -> {
					channel.writeAndFlush(one);
				}, i * drip.millis(), TimeUnit.MILLISECONDS);
			}
		}
		else if (step instanceof Wait wait) {
			sleep(wait.millis());
		}
		else if (step instanceof Repeat repeat) {
			byte[] once = unescape(substitute(repeat.bytes()));
			ByteArrayOutputStream out = new ByteArrayOutputStream(once.length * repeat.count());
			for (int i = 0; i < repeat.count(); i++) {
				out.writeBytes(once);
			}
			sendRaw(out.toByteArray());
		}
		else if (step instanceof NoRead) {
			session().channel().config().setAutoRead(false);
		}
		else if (step instanceof Drain) {
			session().channel().config().setAutoRead(true);
			session().channel().read();
			Object next;
			do {
				next = session().next(this.timeout);
			}
			while (next != null && next != MsnpTestClient.CLOSED);
			if (next == null) {
				throw new AssertionError("expected the server to close the connection, but it stayed open");
			}
		}
		else if (step instanceof Expect expect) {
			Object next = session().next(this.timeout);
			String failure = match(expect, next);
			if (failure != null) {
				throw new AssertionError(failure);
			}
		}
		else if (step instanceof Unordered unordered) {
			List<Expect> open = new ArrayList<>(unordered.expectations());
			while (!open.isEmpty()) {
				Object next = session().next(this.timeout);
				Expect matched = null;
				for (Expect expect : open) {
					if (match(expect, next) == null) {
						matched = expect;
						break;
					}
				}
				if (matched == null) {
					throw new AssertionError("expected one of " + open.stream().map(Expect::line).toList() + " but got "
							+ describe(next));
				}
				open.remove(matched);
			}
		}
		else if (step instanceof ExpectClosed) {
			Object next = session().next(this.timeout);
			if (next != MsnpTestClient.CLOSED) {
				throw new AssertionError("expected the server to close the connection but got " + describe(next));
			}
		}
		else if (step instanceof Quiet quiet) {
			Object next = session().next(Duration.ofMillis(quiet.millis()));
			if (next != null) {
				throw new AssertionError("expected silence but got " + describe(next));
			}
		}
		else if (step instanceof CloseSession) {
			session().close();
		}
	}

	/**
	 * Raw bytes may be hostile: the server may close while they are on their way, which
	 * the script's next step asserts, so a write that fails on a closed connection is no
	 * error here.
	 */
	private void sendRaw(byte[] bytes) {
		Channel channel = session().channel();
		channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).awaitUninterruptibly();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private MsnpTestClient session() {
		if (this.current == null) {
			throw new IllegalStateException("no session: CONNECT first");
		}
		return this.current;
	}

	private byte[] wire(Send send) {
		byte[] payload = null;
		if (send.payload() != null) {
			List<String> lines = new ArrayList<>();
			for (String line : send.payload()) {
				lines.add(substitute(line));
			}
			payload = String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
			this.variables.put("len", Integer.toString(payload.length));
		}
		byte[] line = (substitute(send.line()) + "\r\n").getBytes(StandardCharsets.UTF_8);
		if (payload == null) {
			return line;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(line);
		out.writeBytes(payload);
		return out.toByteArray();
	}

	/**
	 * Null when {@code received} matches, else why not. Captures named groups into
	 * variables on success.
	 */
	private String match(Expect expect, Object received) {
		if (!(received instanceof Frame frame)) {
			return "expected " + expect.line() + " but got " + describe(received);
		}
		String line = new String(MsnpFrameEncoder.toBytes(Frame.of(frame.verb(), frame.tokens())),
				StandardCharsets.UTF_8)
			.trim();
		if (frame.hasPayload()) {
			line = line + " " + frame.payloadLength();
		}
		Map<String, String> captured = new HashMap<>();
		if (expect.literal()) {
			if (!line.equals(substitute(expect.line()))) {
				return "expected " + substitute(expect.line()) + " but got " + line;
			}
		}
		else if (!matches(expect.line(), line, captured)) {
			return "expected /" + expect.line() + "/ but got " + line;
		}
		if (expect.payload() != null) {
			String[] lines = frame.payloadAsUtf8().split("\r\n", -1);
			if (lines.length != expect.payload().size()) {
				return "payload of " + line + " has " + lines.length + " lines, expected " + expect.payload().size()
						+ ":\n" + frame.payloadAsUtf8();
			}
			for (int i = 0; i < lines.length; i++) {
				String wanted = expect.payload().get(i);
				boolean ok = expect.payloadLiteral() ? lines[i].equals(substitute(wanted))
						: matches(wanted, lines[i], captured);
				if (!ok) {
					return "payload line " + (i + 1) + " of " + line + ": expected " + wanted + " but got " + lines[i];
				}
			}
		}
		this.variables.putAll(captured);
		return null;
	}

	private boolean matches(String regex, String text, Map<String, String> captured) {
		Matcher matcher = Pattern.compile(quoteVariables(regex)).matcher(text);
		if (!matcher.matches()) {
			return false;
		}
		Matcher names = GROUP_NAME.matcher(regex);
		while (names.find()) {
			captured.put(names.group(1), matcher.group(names.group(1)));
		}
		return true;
	}

	/** In regex lines, ${...} stands for the value as a literal. */
	private String quoteVariables(String regex) {
		Matcher matcher = EXPRESSION.matcher(regex);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(Pattern.quote(evaluate(matcher.group(1)))));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	String substitute(String text) {
		Matcher matcher = EXPRESSION.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(evaluate(matcher.group(1))));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** {@code md5(a + b)}, {@code "literal"}, {@code name}, joined with {@code +}. */
	String evaluate(String expression) {
		String e = expression.trim();
		if (e.startsWith("md5(") && e.endsWith(")") && balanced(e.substring(4, e.length() - 1))) {
			return Md5.hex(evaluate(e.substring(4, e.length() - 1)));
		}
		List<String> terms = splitTopLevel(e);
		if (terms.size() > 1) {
			StringBuilder out = new StringBuilder();
			terms.forEach((term) -> out.append(evaluate(term)));
			return out.toString();
		}
		if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
			return e.substring(1, e.length() - 1);
		}
		String value = this.variables.get(e);
		if (value == null) {
			throw new IllegalStateException("unknown variable ${" + e + "}");
		}
		return value;
	}

	private static List<String> splitTopLevel(String expression) {
		List<String> terms = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && c == '+') {
				terms.add(expression.substring(start, i));
				start = i + 1;
			}
		}
		terms.add(expression.substring(start));
		return terms;
	}

	private static boolean balanced(String text) {
		int depth = 0;
		for (char c : text.toCharArray()) {
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

	private static SocketAddress parseAddress(String hostPort) {
		int colon = hostPort.lastIndexOf(':');
		return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
	}

	static byte[] unescape(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char n = text.charAt(++i);
				switch (n) {
					case 'r' -> out.write('\r');
					case 'n' -> out.write('\n');
					case 't' -> out.write('\t');
					case '\\' -> out.write('\\');
					case 'x' -> {
						out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
						i += 2;
					}
					default -> throw new IllegalArgumentException("unknown escape \\" + n);
				}
			}
			else {
				out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toByteArray();
	}

	private static String describe(Object received) {
		if (received == null) {
			return "nothing (timed out)";
		}
		if (received instanceof Frame frame) {
			return frame.line();
		}
		return received.toString();
	}

}
