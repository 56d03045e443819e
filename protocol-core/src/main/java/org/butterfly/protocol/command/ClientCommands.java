package org.butterfly.protocol.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.wire.Frame;

/**
 * The typed client commands of MSNP2 to MSNP7. TrIDs are kept as the client sent them,
 * because every reply echoes them verbatim (msnp.md §2.2). Names and phone numbers stay
 * in their URL-encoded wire form (§2.7).
 */
public final class ClientCommands {

	private ClientCommands() {
	}

	/** {@code VER TrID dialect...} (§3.1). */
	public record Ver(String trId, List<String> dialects) implements DispatchCommand, NotificationCommand {
		public Ver {
			dialects = List.copyOf(dialects);
		}

		@Override
		public Frame toFrame() {
			return Frame.of("VER", prepend(this.trId, this.dialects));
		}
	}

	/** {@code INF TrID} (§3.4). */
	public record Inf(String trId) implements DispatchCommand, NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("INF", this.trId);
		}
	}

	/**
	 * {@code CVR TrID lcid os-type os-ver arch library client-version [client-id [handle]]}
	 * (§3.3).
	 */
	public record Cvr(String trId, List<String> fields) implements DispatchCommand, NotificationCommand {
		public Cvr {
			fields = List.copyOf(fields);
		}

		/** The client's version, which the reply recommends back ([POLICY] §3.3). */
		public String clientVersion() {
			return this.fields.get(5);
		}

		@Override
		public Frame toFrame() {
			return Frame.of("CVR", prepend(this.trId, this.fields));
		}
	}

	/**
	 * {@code CVQ TrID lcid os-type os-ver arch library client-version [client-id]}
	 * (§3.2).
	 */
	public record Cvq(String trId, List<String> fields) implements DispatchCommand {
		public Cvq {
			fields = List.copyOf(fields);
		}

		public String clientVersion() {
			return this.fields.get(5);
		}

		@Override
		public Frame toFrame() {
			return Frame.of("CVQ", prepend(this.trId, this.fields));
		}
	}

	/**
	 * {@code USR TrID MD5 I handle} or {@code USR TrID MD5 S response} (§4, §5.2, §5.3).
	 *
	 * @param stage {@code I} (initial, value is the handle) or {@code S} (subsequent,
	 * value is the MD5 response)
	 */
	public record Usr(String trId, String securityPackage, String stage,
			String value) implements DispatchCommand, NotificationCommand {
		public boolean initial() {
			return "I".equals(this.stage);
		}

		@Override
		public Frame toFrame() {
			return Frame.of("USR", this.trId, this.securityPackage, this.stage, this.value);
		}
	}

	/** {@code PNG} (§13.1). */
	public record Png() implements DispatchCommand, NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("PNG");
		}
	}

	/** {@code OUT} (§13.2, §14.3). */
	public record Out() implements DispatchCommand, NotificationCommand, SwitchboardCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("OUT");
		}
	}

	/** {@code SYN TrID cached-version} (§7.1). */
	public record Syn(String trId, long version) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.line("SYN", this.trId, this.version);
		}
	}

	/** {@code LST TrID list} (§7.5). */
	public record Lst(String trId, ListType list) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.line("LST", this.trId, this.list);
		}
	}

	/** {@code GTC TrID A|N} (§9.4). */
	public record Gtc(String trId, String value) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("GTC", this.trId, this.value);
		}
	}

	/** {@code BLP TrID AL|BL} (§9.4). */
	public record Blp(String trId, String value) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("BLP", this.trId, this.value);
		}
	}

	/** {@code CHG TrID status} (§8.2); extra parameters are ignored. */
	public record Chg(String trId, Status status) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.line("CHG", this.trId, this.status);
		}
	}

	/**
	 * {@code ADD TrID list handle custom-name [group-id]} (§9.1); the group only for FL
	 * in MSNP7.
	 */
	public record Add(String trId, ListType list, String handle, String customName,
			OptionalInt groupId) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			List<String> tokens = new ArrayList<>(List.of(this.trId, this.list.name(), this.handle, this.customName));
			this.groupId.ifPresent((id) -> tokens.add(Integer.toString(id)));
			return Frame.of("ADD", tokens);
		}
	}

	/** {@code REM TrID list handle [group-id]} (§9.2). */
	public record Rem(String trId, ListType list, String handle, OptionalInt groupId) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			List<String> tokens = new ArrayList<>(List.of(this.trId, this.list.name(), this.handle));
			this.groupId.ifPresent((id) -> tokens.add(Integer.toString(id)));
			return Frame.of("REM", tokens);
		}
	}

	/** {@code REA TrID handle new-name} (§9.3). */
	public record Rea(String trId, String handle, String newName) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("REA", this.trId, this.handle, this.newName);
		}
	}

	/** {@code PRP TrID key [value]} (§11.1); a missing value unsets the property. */
	public record Prp(String trId, String key, String value) implements NotificationCommand {
		public boolean unsets() {
			return this.value == null;
		}

		@Override
		public Frame toFrame() {
			return (this.value != null) ? Frame.of("PRP", this.trId, this.key, this.value)
					: Frame.of("PRP", this.trId, this.key);
		}
	}

	/** {@code URL TrID service [parameter]} (§11.7). */
	public record Url(String trId, String service, String parameter) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return (this.parameter != null) ? Frame.of("URL", this.trId, this.service, this.parameter)
					: Frame.of("URL", this.trId, this.service);
		}
	}

	/** {@code SND TrID address [lcid library [client-id]]} (§11.4). */
	public record Snd(String trId, String address, List<String> details) implements NotificationCommand {
		public Snd {
			details = List.copyOf(details);
		}

		@Override
		public Frame toFrame() {
			List<String> tokens = new ArrayList<>(List.of(this.trId, this.address));
			tokens.addAll(this.details);
			return Frame.of("SND", tokens);
		}
	}

	/**
	 * {@code SDC TrID target lcid library client-id X X friendly-name N} + text (§11.3).
	 */
	public record Sdc(String trId, String target, String lcid, String library, String clientId, String friendlyName,
			byte[] message) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.withPayload("SDC", List.of(this.trId, this.target, this.lcid, this.library, this.clientId, "X",
					"X", this.friendlyName), this.message);
		}
	}

	/** {@code PAG TrID handle N} + page body (§11.5). */
	public record Pag(String trId, String target, byte[] body) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.withPayload("PAG", List.of(this.trId, this.target), this.body);
		}
	}

	/** {@code QRY TrID product-id 32} + the hex answer (§12.1). */
	public record Qry(String trId, String productId, byte[] response) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.withPayload("QRY", List.of(this.trId, this.productId), this.response);
		}
	}

	/** {@code CHL TrID}: the client asks for a challenge (§12.1). */
	public record Chl(String trId) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("CHL", this.trId);
		}
	}

	/**
	 * {@code FND TrID fname=.. lname=.. city=.. state=.. country=..} (§11.8), criteria in
	 * wire order.
	 */
	public record Fnd(String trId, Map<String, String> criteria) implements NotificationCommand {
		public Fnd {
			criteria = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(criteria));
		}

		@Override
		public Frame toFrame() {
			List<String> tokens = new ArrayList<>();
			tokens.add(this.trId);
			this.criteria.forEach((key, value) -> tokens.add(key + "=" + value));
			return Frame.of("FND", tokens);
		}
	}

	/** {@code IMS TrID ON|OFF} (§8.5). */
	public record Ims(String trId, boolean on) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("IMS", this.trId, this.on ? "ON" : "OFF");
		}
	}

	/** {@code XFR TrID SB} (§13.3). */
	public record Xfr(String trId, String destination) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("XFR", this.trId, this.destination);
		}
	}

	/** {@code LSG TrID} (§10.2). */
	public record Lsg(String trId) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("LSG", this.trId);
		}
	}

	/** {@code ADG TrID name 0} (§10.3). */
	public record Adg(String trId, String name) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("ADG", this.trId, this.name, "0");
		}
	}

	/** {@code RMG TrID group-id} (§10.5). */
	public record Rmg(String trId, int groupId) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.line("RMG", this.trId, this.groupId);
		}
	}

	/** {@code REG TrID group-id new-name 0} (§10.4). */
	public record Reg(String trId, int groupId, String name) implements NotificationCommand {
		@Override
		public Frame toFrame() {
			return Frame.line("REG", this.trId, this.groupId, this.name, 0);
		}
	}

	/** Switchboard {@code USR TrID handle cookie} (§14.1). */
	public record SbUsr(String trId, String handle, String cookie) implements SwitchboardCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("USR", this.trId, this.handle, this.cookie);
		}
	}

	/** {@code ANS TrID handle cookie session-id} (§14.1). */
	public record Ans(String trId, String handle, String cookie, String sessionId) implements SwitchboardCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("ANS", this.trId, this.handle, this.cookie, this.sessionId);
		}
	}

	/** {@code CAL TrID handle} (§14.2). */
	public record Cal(String trId, String handle) implements SwitchboardCommand {
		@Override
		public Frame toFrame() {
			return Frame.of("CAL", this.trId, this.handle);
		}
	}

	/**
	 * {@code MSG TrID U|N|A N} + payload (§14.4). {@code D} is read as {@code A}
	 * ([POLICY]).
	 */
	public record Msg(String trId, AckMode mode, byte[] payload) implements SwitchboardCommand {
		@Override
		public Frame toFrame() {
			return Frame.withPayload("MSG", List.of(this.trId, this.mode.name()), this.payload);
		}
	}

	/** How a switchboard acknowledges a relayed {@code MSG} (§14.4). */
	public enum AckMode {

		/** Unacknowledged: nothing is sent back, ever. */
		U,
		/** Negative only: {@code NAK} when delivery failed. */
		N,
		/**
		 * Acknowledged: {@code ACK} when delivered to every other participant, else
		 * {@code NAK}.
		 */
		A

	}

	private static List<String> prepend(String first, List<String> rest) {
		List<String> tokens = new ArrayList<>(rest.size() + 1);
		tokens.add(first);
		tokens.addAll(rest);
		return tokens;
	}

}
