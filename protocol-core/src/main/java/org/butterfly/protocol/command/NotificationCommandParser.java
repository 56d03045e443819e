package org.butterfly.protocol.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.butterfly.protocol.command.ClientCommands.Add;
import org.butterfly.protocol.command.ClientCommands.Adg;
import org.butterfly.protocol.command.ClientCommands.Blp;
import org.butterfly.protocol.command.ClientCommands.Chg;
import org.butterfly.protocol.command.ClientCommands.Chl;
import org.butterfly.protocol.command.ClientCommands.Cvr;
import org.butterfly.protocol.command.ClientCommands.Fnd;
import org.butterfly.protocol.command.ClientCommands.Gtc;
import org.butterfly.protocol.command.ClientCommands.Ims;
import org.butterfly.protocol.command.ClientCommands.Inf;
import org.butterfly.protocol.command.ClientCommands.Lsg;
import org.butterfly.protocol.command.ClientCommands.Lst;
import org.butterfly.protocol.command.ClientCommands.Out;
import org.butterfly.protocol.command.ClientCommands.Pag;
import org.butterfly.protocol.command.ClientCommands.Png;
import org.butterfly.protocol.command.ClientCommands.Prp;
import org.butterfly.protocol.command.ClientCommands.Qry;
import org.butterfly.protocol.command.ClientCommands.Rea;
import org.butterfly.protocol.command.ClientCommands.Reg;
import org.butterfly.protocol.command.ClientCommands.Rem;
import org.butterfly.protocol.command.ClientCommands.Rmg;
import org.butterfly.protocol.command.ClientCommands.Sdc;
import org.butterfly.protocol.command.ClientCommands.Snd;
import org.butterfly.protocol.command.ClientCommands.Syn;
import org.butterfly.protocol.command.ClientCommands.Url;
import org.butterfly.protocol.command.ClientCommands.Usr;
import org.butterfly.protocol.command.ClientCommands.Ver;
import org.butterfly.protocol.command.ClientCommands.Xfr;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.wire.Frame;

/**
 * Turns frames from a client into {@link NotificationCommand}s for the negotiated dialect
 * (msnp.md §5–§13).
 * <p>
 * It checks what the wire grammar decides: argument counts, TrIDs, list, status and
 * setting tokens, length limits that close the connection, and whether the dialect has
 * the verb at all. Rules that need stored data (does the account exist, is the contact on
 * the list) belong to the handlers and the directory. Stateless.
 */
public final class NotificationCommandParser {

	/**
	 * @param dialect the negotiated dialect, or {@code null} before {@code VER}, when
	 * only {@code VER} parses
	 */
	public Parsed<NotificationCommand> parse(Frame frame, Dialect dialect) {
		String verb = frame.verb();
		List<String> t = frame.tokens();
		if (verb.equals("PNG")) {
			return ok(new Png());
		}
		if (verb.equals("OUT")) {
			return ok(new Out());
		}
		if (t.isEmpty() || !Syntax.isUint32(t.get(0))) {
			return violation(verb + " without a valid TrID");
		}
		String trId = t.get(0);
		if (dialect == null) {
			return verb.equals("VER") ? parseVer(trId, t) : violation(verb + " before VER");
		}
		return switch (verb) {
			case "VER" -> parseVer(trId, t);
			case "INF" -> (t.size() == 1) ? ok(new Inf(trId)) : violation("INF takes no parameters");
			case "USR" -> parseUsr(trId, t);
			case "CVR" -> (t.size() >= 7 && t.size() <= 9) ? ok(new Cvr(trId, t.subList(1, t.size())))
					: violation("CVR takes 6 to 8 parameters");
			case "SYN" -> parseSyn(trId, t);
			case "LST" -> parseLst(trId, t);
			case "GTC" -> parseSetting(trId, t, List.of("A", "N"), (value) -> new Gtc(trId, value));
			case "BLP" -> parseSetting(trId, t, List.of("AL", "BL"), (value) -> new Blp(trId, value));
			case "CHG" -> parseChg(trId, t);
			case "ADD" -> parseAdd(trId, t, dialect);
			case "REM" -> parseRem(trId, t, dialect);
			case "REA" -> parseRea(trId, t);
			case "URL" ->
				(t.size() == 2 || t.size() == 3) ? ok(new Url(trId, t.get(1), (t.size() == 3) ? t.get(2) : null))
						: violation("URL takes a service and an optional parameter");
			case "SND" -> (t.size() >= 2 && t.size() <= 5) ? ok(new Snd(trId, t.get(1), t.subList(2, t.size())))
					: refusedAndClose(ErrorCode.UNSPECIFIED_FAILURE, trId);
			case "FND" -> parseFnd(trId, t);
			case "XFR" -> parseXfr(trId, t);
			case "IMS" -> dialect.hasIms() ? parseIms(trId, t) : violation("IMS before MSNP3");
			case "PRP" -> dialect.hasPhoneProperties() ? parsePrp(trId, t) : violation("PRP before MSNP5");
			case "SDC" -> dialect.hasPhoneProperties() ? parseSdc(trId, frame) : violation("SDC before MSNP5");
			case "PAG" -> dialect.hasPhoneProperties() ? parsePag(trId, frame) : violation("PAG before MSNP5");
			case "QRY" -> dialect.hasChallenges() ? parseQry(trId, frame) : violation("QRY before MSNP6");
			case "CHL" -> (dialect.hasChallenges() && t.size() == 1) ? ok(new Chl(trId)) : violation("CHL");
			case "LSG" -> (dialect.hasGroups() && t.size() == 1) ? ok(new Lsg(trId)) : violation("LSG");
			case "ADG" -> dialect.hasGroups() ? parseAdg(trId, t) : violation("ADG before MSNP7");
			case "RMG" -> dialect.hasGroups() ? parseRmg(trId, t) : violation("RMG before MSNP7");
			case "REG" -> dialect.hasGroups() ? parseReg(trId, t) : violation("REG before MSNP7");
			default -> violation("unknown verb " + verb);
		};
	}

	private static Parsed<NotificationCommand> parseVer(String trId, List<String> t) {
		return (t.size() >= 2) ? ok(new Ver(trId, t.subList(1, t.size()))) : violation("VER without dialects");
	}

	private static Parsed<NotificationCommand> parseUsr(String trId, List<String> t) {
		if (t.size() != 4 || !t.get(1).equals("MD5") || !(t.get(2).equals("I") || t.get(2).equals("S"))) {
			return violation("USR must be MD5 I or MD5 S");
		}
		return ok(new Usr(trId, t.get(1), t.get(2), t.get(3)));
	}

	private static Parsed<NotificationCommand> parseSyn(String trId, List<String> t) {
		long version = (t.size() == 2) ? Syntax.parseUint32(t.get(1)) : -1;
		return (version >= 0) ? ok(new Syn(trId, version)) : violation("SYN needs a list version");
	}

	private static Parsed<NotificationCommand> parseLst(String trId, List<String> t) {
		if (t.size() != 2) {
			return violation("LST takes one list");
		}
		return ListType.fromToken(t.get(1))
			.<Parsed<NotificationCommand>>map((list) -> ok(new Lst(trId, list)))
			.orElseGet(() -> violation("unknown list"));
	}

	private static Parsed<NotificationCommand> parseSetting(String trId, List<String> t, List<String> allowed,
			java.util.function.Function<String, NotificationCommand> command) {
		if (t.size() != 2 || !allowed.contains(t.get(1))) {
			return violation("invalid setting value");
		}
		return ok(command.apply(t.get(1)));
	}

	private static Parsed<NotificationCommand> parseChg(String trId, List<String> t) {
		// Extra parameters from a buggy client are ignored ([POLICY] §8.2).
		if (t.size() < 2) {
			return violation("CHG without status");
		}
		return Status.fromToken(t.get(1))
			.<Parsed<NotificationCommand>>map((status) -> ok(new Chg(trId, status)))
			.orElseGet(() -> violation("invalid status"));
	}

	private static Parsed<NotificationCommand> parseAdd(String trId, List<String> t, Dialect dialect) {
		ListType list = ListType.fromToken((t.size() > 1) ? t.get(1) : "").orElse(null);
		if (list == null || !list.clientEditable()) {
			return violation("ADD to an unknown list or to RL");
		}
		boolean withGroup = t.size() == 5 && list == ListType.FL && dialect.hasGroups();
		if (t.size() != 4 && !withGroup) {
			return violation("ADD with a wrong argument count");
		}
		if (Syntax.utf8Length(t.get(3)) > Syntax.MAX_NAME_BYTES) {
			return violation("custom name over " + Syntax.MAX_NAME_BYTES + " bytes");
		}
		OptionalInt group = OptionalInt.empty();
		if (withGroup) {
			long id = Syntax.parseUint32(t.get(4));
			if (id < 0) {
				return violation("group id is not a number");
			}
			if (id > 29) {
				return refused(ErrorCode.INVALID_GROUP, trId);
			}
			group = OptionalInt.of((int) id);
		}
		return ok(new Add(trId, list, t.get(2), t.get(3), group));
	}

	private static Parsed<NotificationCommand> parseRem(String trId, List<String> t, Dialect dialect) {
		ListType list = ListType.fromToken((t.size() > 1) ? t.get(1) : "").orElse(null);
		if (list == null || !list.clientEditable()) {
			return violation("REM from an unknown list or from RL");
		}
		boolean withGroup = t.size() == 4 && list == ListType.FL && dialect.hasGroups();
		if (t.size() != 3 && !withGroup) {
			return violation("REM with a wrong argument count");
		}
		OptionalInt group = OptionalInt.empty();
		if (withGroup) {
			long id = Syntax.parseUint32(t.get(3));
			if (id < 0) {
				return violation("group id is not a number");
			}
			if (id > 29) {
				return refused(ErrorCode.INVALID_GROUP, trId);
			}
			group = OptionalInt.of((int) id);
		}
		return ok(new Rem(trId, list, t.get(2), group));
	}

	private static Parsed<NotificationCommand> parseRea(String trId, List<String> t) {
		if (t.size() != 3) {
			return violation("REA takes a handle and a name");
		}
		if (Syntax.utf8Length(t.get(2)) > Syntax.MAX_NAME_BYTES) {
			return violation("name over " + Syntax.MAX_NAME_BYTES + " bytes");
		}
		return ok(new Rea(trId, t.get(1), t.get(2)));
	}

	private static Parsed<NotificationCommand> parseFnd(String trId, List<String> t) {
		Map<String, String> criteria = new LinkedHashMap<>();
		for (String token : t.subList(1, t.size())) {
			int eq = token.indexOf('=');
			if (eq <= 0 || criteria.put(token.substring(0, eq), token.substring(eq + 1)) != null) {
				return refused(ErrorCode.INVALID_PARAMETER, trId);
			}
		}
		if (criteria.isEmpty()) {
			return refused(ErrorCode.INVALID_PARAMETER, trId);
		}
		return ok(new Fnd(trId, criteria));
	}

	private static Parsed<NotificationCommand> parseXfr(String trId, List<String> t) {
		if (t.size() != 2) {
			return violation("XFR takes one destination");
		}
		// Only SB is a valid destination ([POLICY] §13.3): anything else is answered, not
		// closed.
		return t.get(1).equals("SB") ? ok(new Xfr(trId, "SB")) : refused(ErrorCode.INVALID_PARAMETER, trId);
	}

	private static Parsed<NotificationCommand> parseIms(String trId, List<String> t) {
		if (t.size() != 2 || !(t.get(1).equals("ON") || t.get(1).equals("OFF"))) {
			return violation("IMS takes ON or OFF");
		}
		return ok(new Ims(trId, t.get(1).equals("ON")));
	}

	private static Parsed<NotificationCommand> parsePrp(String trId, List<String> t) {
		if (t.size() != 2 && t.size() != 3) {
			return violation("PRP takes a key and an optional value");
		}
		String key = t.get(1);
		if (key.length() != 3) {
			return violation("PRP key must be three characters");
		}
		String value = (t.size() == 3) ? t.get(2) : null;
		if (value != null && Syntax.utf8Length(value) > Syntax.MAX_PHONE_BYTES) {
			return violation("PRP value over " + Syntax.MAX_PHONE_BYTES + " bytes");
		}
		return ok(new Prp(trId, key, value));
	}

	private static Parsed<NotificationCommand> parseSdc(String trId, Frame frame) {
		List<String> t = frame.tokens();
		if (t.size() != 8 || !t.get(5).equals("X") || !t.get(6).equals("X")) {
			return refusedAndClose(ErrorCode.UNSPECIFIED_FAILURE, trId);
		}
		return ok(new Sdc(trId, t.get(1), t.get(2), t.get(3), t.get(4), t.get(7), frame.payload()));
	}

	private static Parsed<NotificationCommand> parsePag(String trId, Frame frame) {
		List<String> t = frame.tokens();
		return (t.size() == 2) ? ok(new Pag(trId, t.get(1), frame.payload())) : violation("PAG takes one handle");
	}

	private static Parsed<NotificationCommand> parseQry(String trId, Frame frame) {
		List<String> t = frame.tokens();
		return (t.size() == 2) ? ok(new Qry(trId, t.get(1), frame.payload())) : violation("QRY takes one product id");
	}

	private static Parsed<NotificationCommand> parseAdg(String trId, List<String> t) {
		if (t.size() != 3 || !t.get(2).equals("0")) {
			return violation("ADG takes a name and 0");
		}
		return groupName(trId, t.get(1), () -> new Adg(trId, t.get(1)));
	}

	private static Parsed<NotificationCommand> parseRmg(String trId, List<String> t) {
		int id = (t.size() == 2) ? Syntax.parseGroupId(t.get(1)) : -1;
		return (id >= 0) ? ok(new Rmg(trId, id)) : violation("RMG takes a group id 0..29");
	}

	private static Parsed<NotificationCommand> parseReg(String trId, List<String> t) {
		int id = (t.size() == 4 && t.get(3).equals("0")) ? Syntax.parseGroupId(t.get(1)) : -1;
		if (id < 0) {
			return violation("REG takes a group id 0..29, a name and 0");
		}
		return groupName(trId, t.get(2), () -> new Reg(trId, id, t.get(2)));
	}

	private static Parsed<NotificationCommand> groupName(String trId, String name,
			java.util.function.Supplier<NotificationCommand> command) {
		int length = Syntax.utf8Length(name);
		if (length > Syntax.ABSURD_GROUP_NAME_BYTES) {
			return violation("group name of " + length + " bytes");
		}
		if (length > Syntax.MAX_GROUP_NAME_BYTES) {
			return refused(ErrorCode.GROUP_NAME_TOO_LONG, trId);
		}
		return ok(command.get());
	}

	private static Parsed<NotificationCommand> ok(NotificationCommand command) {
		return new Parsed.Command<>(command);
	}

	private static Parsed<NotificationCommand> refused(ErrorCode error, String trId) {
		return new Parsed.Refused<>(error, trId, false);
	}

	private static Parsed<NotificationCommand> refusedAndClose(ErrorCode error, String trId) {
		return new Parsed.Refused<>(error, trId, true);
	}

	private static Parsed<NotificationCommand> violation(String reason) {
		return new Parsed.Violation<>(reason);
	}

}
