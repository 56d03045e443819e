package org.butterfly.protocol.command;

import java.util.List;

import org.butterfly.protocol.command.ClientCommands.Cvq;
import org.butterfly.protocol.command.ClientCommands.Cvr;
import org.butterfly.protocol.command.ClientCommands.Inf;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.Png;
import org.butterfly.protocol.command.ClientCommands.Usr;
import org.butterfly.protocol.command.ClientCommands.Ver;
import org.butterfly.protocol.wire.Frame;

/**
 * Turns frames from a client into {@link DispatchCommand}s (msnp.md §4). Everything else
 * a client could send closes the connection. Stateless.
 */
public final class DispatchCommandParser {

	public Parsed<DispatchCommand> parse(Frame frame) {
		String verb = frame.verb();
		List<String> t = frame.tokens();
		if (verb.equals("PNG")) {
			return ok(new Png());
		}
		if (verb.equals("OUT")) {
			return ok(new Out());
		}
		if (t.isEmpty() || !Syntax.isUint32(t.get(0))) {
			return new Parsed.Violation<>(verb + " without a valid TrID");
		}
		String trId = t.get(0);
		return switch (verb) {
			case "VER" ->
				(t.size() >= 2) ? ok(new Ver(trId, t.subList(1, t.size()))) : violation("VER without dialects");
			case "INF" -> (t.size() == 1) ? ok(new Inf(trId)) : violation("INF takes no parameters");
			case "USR" -> (t.size() == 4 && t.get(1).equals("MD5") && t.get(2).equals("I"))
					? ok(new Usr(trId, "MD5", "I", t.get(3))) : violation("the dispatch server only takes USR MD5 I");
			case "CVR" -> (t.size() >= 7 && t.size() <= 9) ? ok(new Cvr(trId, t.subList(1, t.size())))
					: violation("CVR takes 6 to 8 parameters");
			case "CVQ" -> (t.size() >= 7 && t.size() <= 9) ? ok(new Cvq(trId, t.subList(1, t.size())))
					: violation("CVQ takes 6 to 8 parameters");
			default -> violation(verb + " is not a dispatch server command");
		};
	}

	private static Parsed<DispatchCommand> ok(DispatchCommand command) {
		return new Parsed.Command<>(command);
	}

	private static Parsed<DispatchCommand> violation(String reason) {
		return new Parsed.Violation<>(reason);
	}

}
