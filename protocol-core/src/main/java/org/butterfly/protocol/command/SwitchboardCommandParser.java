package org.butterfly.protocol.command;

import java.util.List;

import org.butterfly.protocol.command.ClientCommands.AckMode;
import org.butterfly.protocol.command.ClientCommands.Ans;
import org.butterfly.protocol.command.ClientCommands.Cal;
import org.butterfly.protocol.command.ClientCommands.Msg;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.SbUsr;
import org.butterfly.protocol.wire.Frame;

/**
 * Turns frames from a client into {@link SwitchboardCommand}s (msnp.md §14). The
 * switchboard grammar is the same in every dialect, so no dialect is needed. Stateless.
 */
public final class SwitchboardCommandParser {

	public Parsed<SwitchboardCommand> parse(Frame frame) {
		String verb = frame.verb();
		List<String> t = frame.tokens();
		if (verb.equals("OUT")) {
			return ok(new Out());
		}
		if (t.isEmpty() || !Syntax.isUint32(t.get(0))) {
			return violation(verb + " without a valid TrID");
		}
		String trId = t.get(0);
		return switch (verb) {
			case "USR" -> (t.size() == 3) ? ok(new SbUsr(trId, t.get(1), t.get(2))) : violation("USR handle cookie");
			case "ANS" -> (t.size() == 4) ? ok(new Ans(trId, t.get(1), t.get(2), t.get(3)))
					: violation("ANS handle cookie session");
			case "CAL" -> (t.size() == 2) ? ok(new Cal(trId, t.get(1))) : violation("CAL takes one handle");
			case "MSG" -> parseMsg(trId, frame);
			default -> violation(verb + " is not a switchboard command");
		};
	}

	private static Parsed<SwitchboardCommand> parseMsg(String trId, Frame frame) {
		if (frame.tokenCount() != 2) {
			return violation("MSG takes an acknowledgement mode");
		}
		AckMode mode = switch (frame.token(1)) {
			case "U" -> AckMode.U;
			case "N" -> AckMode.N;
			case "A", "D" -> AckMode.A; // D is MSNP9+ and read as A ([POLICY] §14.4)
			default -> null;
		};
		return (mode != null) ? ok(new Msg(trId, mode, frame.payload())) : violation("unknown MSG mode");
	}

	private static Parsed<SwitchboardCommand> ok(SwitchboardCommand command) {
		return new Parsed.Command<>(command);
	}

	private static Parsed<SwitchboardCommand> violation(String reason) {
		return new Parsed.Violation<>(reason);
	}

}
