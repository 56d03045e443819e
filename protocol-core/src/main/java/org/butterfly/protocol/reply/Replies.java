package org.butterfly.protocol.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.vocab.VersionNegotiation;
import org.butterfly.protocol.wire.Frame;

/**
 * Every line a server sends, built in the layout of the session's dialect exactly as
 * msnp.md §18 shows it. Handlers build replies here and nowhere else, so a layout is
 * defined once.
 */
public final class Replies {

	/**
	 * {@code QNG}: the answer to {@code PNG} (no TrID, no parameter before MSNP9, §13.1).
	 */
	public static final Frame QNG = Frame.of("QNG");

	/**
	 * {@code OUT}: the answer to a client's {@code OUT} on the notification server
	 * (§13.2).
	 */
	public static final Frame OUT = Frame.of("OUT");

	/** {@code OUT OTH}: the account signed in elsewhere (§5.4). */
	public static final Frame OUT_OTHER_LOGIN = Frame.of("OUT", "OTH");

	/** {@code OUT SSD}: the server is shutting down (§5.8). */
	public static final Frame OUT_SHUTDOWN = Frame.of("OUT", "SSD");

	private Replies() {
	}

	/** {@code NNN TrID} (§2.8). */
	public static Frame error(ErrorCode error, String trId) {
		return Frame.of(error.token(), trId);
	}

	// ---- negotiation and sign-in (§3-§5)

	public static Frame ver(String trId, VersionNegotiation negotiation) {
		List<String> tokens = new ArrayList<>();
		tokens.add(trId);
		tokens.addAll(negotiation.replyTokens());
		return Frame.of("VER", tokens);
	}

	public static Frame inf(String trId) {
		return Frame.of("INF", trId, "MD5");
	}

	/**
	 * {@code CVR}/{@code CVQ} reply: the client's own version is recommended and minimum
	 * ([POLICY] §3.3).
	 */
	public static Frame versionCheck(String verb, String trId, String recommended, String minimum, String downloadUrl,
			String infoUrl) {
		return Frame.of(verb, trId, recommended, recommended, minimum, downloadUrl, infoUrl);
	}

	/** The dispatch referral in the dialect's layout (§4). */
	public static Frame xfrNs(String trId, Dialect dialect, String notificationAddress, String currentAddress) {
		List<String> tokens = new ArrayList<>(List.of(trId, "NS", notificationAddress));
		if (dialect.referralHasZero()) {
			tokens.add("0");
		}
		if (dialect.referralNamesCurrentServer()) {
			tokens.add(currentAddress);
		}
		return Frame.of("XFR", tokens);
	}

	public static Frame usrChallenge(String trId, String salt) {
		return Frame.of("USR", trId, "MD5", "S", salt);
	}

	/** {@code USR TrID OK handle friendly-name [verified]} (§5.3). */
	public static Frame usrOk(String trId, Dialect dialect, String handle, String friendlyName, boolean verified) {
		return dialect.hasVerifiedFlag() ? Frame.of("USR", trId, "OK", handle, friendlyName, verified ? "1" : "0")
				: Frame.of("USR", trId, "OK", handle, friendlyName);
	}

	/**
	 * A {@code MSG} from the pseudo-user Hotmail: profile, e-mail and system messages
	 * (§5.5-§5.7).
	 */
	public static Frame hotmailMessage(String payload) {
		return Frame.withPayload("MSG", List.of("Hotmail", "Hotmail"), payload);
	}

	// ---- SYN and lists (§7, §9, §10)

	public static Frame syn(String trId, long version) {
		return Frame.line("SYN", trId, version);
	}

	public static Frame gtc(String trId, long version, String value) {
		return Frame.line("GTC", trId, version, value);
	}

	public static Frame blp(String trId, long version, String value) {
		return Frame.line("BLP", trId, version, value);
	}

	/**
	 * {@code PRP TrID ver key [value]}: in SYN and as the echo of a client's {@code PRP}
	 * (§7.3, §11.1).
	 */
	public static Frame prp(String trId, long version, String key, String value) {
		return (value != null) ? Frame.line("PRP", trId, version, key, value) : Frame.line("PRP", trId, version, key);
	}

	/**
	 * {@code BPR ver handle key [value]}: no TrID, inside SYN and asynchronously (§11.2).
	 */
	public static Frame bpr(long version, String handle, String key, String value) {
		return (value != null) ? Frame.line("BPR", version, handle, key, value)
				: Frame.line("BPR", version, handle, key);
	}

	/**
	 * One {@code LST} entry line (§7.3, §7.5). FL lines carry the comma-separated group
	 * ids from MSNP7; pass {@code null} groups for AL, BL and RL.
	 */
	public static Frame lst(String trId, Dialect dialect, ListType list, long version, int index, int total,
			String handle, String name, List<Integer> groups) {
		List<String> tokens = new ArrayList<>(List.of(trId, list.name(), Long.toString(version),
				Integer.toString(index), Integer.toString(total), handle, name));
		if (dialect.hasGroups() && list == ListType.FL && groups != null) {
			tokens.add(groups.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		return Frame.of("LST", tokens);
	}

	/** {@code LST TrID list ver 0 0}: an empty list (§7.3). */
	public static Frame lstEmpty(String trId, ListType list, long version) {
		return Frame.line("LST", trId, list, version, 0, 0);
	}

	/** {@code LSG TrID ver i n id name 0} (§10.2). */
	public static Frame lsg(String trId, long version, int index, int total, int groupId, String name) {
		return Frame.line("LSG", trId, version, index, total, groupId, name, 0);
	}

	/**
	 * The {@code ADD} reply, and with TrID {@code 0} the asynchronous
	 * {@code ADD 0 RL ...} (§9.1, §9.5).
	 */
	public static Frame add(String trId, ListType list, long version, String handle, String name, Integer groupId) {
		return (groupId != null) ? Frame.line("ADD", trId, list, version, handle, name, groupId)
				: Frame.line("ADD", trId, list, version, handle, name);
	}

	/**
	 * The {@code REM} reply, and with TrID {@code 0} the asynchronous
	 * {@code REM 0 RL ...} (§9.2, §9.5).
	 */
	public static Frame rem(String trId, ListType list, long version, String handle, Integer groupId) {
		return (groupId != null) ? Frame.line("REM", trId, list, version, handle, groupId)
				: Frame.line("REM", trId, list, version, handle);
	}

	public static Frame rea(String trId, long version, String handle, String name) {
		return Frame.line("REA", trId, version, handle, name);
	}

	public static Frame adg(String trId, long version, String name, int groupId) {
		return Frame.line("ADG", trId, version, name, groupId, 0);
	}

	public static Frame rmg(String trId, long version, int groupId) {
		return Frame.line("RMG", trId, version, groupId);
	}

	public static Frame reg(String trId, long version, int groupId, String name) {
		return Frame.line("REG", trId, version, groupId, name, 0);
	}

	// ---- presence (§8)

	public static Frame chg(String trId, Status status) {
		return Frame.line("CHG", trId, status);
	}

	public static Frame iln(String trId, Status status, String handle, String friendlyName) {
		return Frame.line("ILN", trId, status, handle, friendlyName);
	}

	public static Frame nln(Status status, String handle, String friendlyName) {
		return Frame.line("NLN", status, handle, friendlyName);
	}

	public static Frame fln(String handle) {
		return Frame.of("FLN", handle);
	}

	public static Frame ims(String trId, boolean on) {
		return Frame.of("IMS", trId, "0", on ? "ON" : "OFF");
	}

	// ---- services (§11-§13)

	public static Frame url(String trId, Dialect dialect, String redirectUrl, String loginUrl, int siteId) {
		return dialect.urlHasSiteId() ? Frame.line("URL", trId, redirectUrl, loginUrl, siteId)
				: Frame.line("URL", trId, redirectUrl, loginUrl);
	}

	public static Frame ok(String verb, String trId) {
		return Frame.of(verb, trId, "OK");
	}

	/**
	 * One {@code FND} result line, or with {@code total} 0 the empty answer
	 * {@code FND TrID 0 0} (§11.8).
	 */
	public static Frame fnd(String trId, int index, int total, List<String> fields) {
		List<String> tokens = new ArrayList<>(List.of(trId, Integer.toString(index), Integer.toString(total)));
		tokens.addAll(fields);
		return Frame.of("FND", tokens);
	}

	/** {@code NOT N} + a NOTIFICATION document (§11.6). */
	public static Frame not(String document) {
		return Frame.withPayload("NOT", List.of(), document);
	}

	/** {@code IPG N} + a NOTIFICATION document (§12.2). */
	public static Frame ipg(String document) {
		return Frame.withPayload("IPG", List.of(), document);
	}

	public static Frame chl(String trId, String challenge) {
		return Frame.of("CHL", trId, challenge);
	}

	public static Frame qry(String trId) {
		return Frame.of("QRY", trId);
	}

	/** {@code XFR TrID SB host:port CKI cookie} (§13.3). */
	public static Frame xfrSb(String trId, String switchboardAddress, String cookie) {
		return Frame.of("XFR", trId, "SB", switchboardAddress, "CKI", cookie);
	}

	/**
	 * {@code RNG session-id host:port CKI cookie inviter-handle inviter-name} (§13.4).
	 */
	public static Frame rng(String sessionId, String switchboardAddress, String cookie, String inviterHandle,
			String inviterName) {
		return Frame.of("RNG", sessionId, switchboardAddress, "CKI", cookie, inviterHandle, inviterName);
	}

	// ---- switchboard (§14)

	public static Frame sbUsrOk(String trId, String handle, String friendlyName) {
		return Frame.of("USR", trId, "OK", handle, friendlyName);
	}

	public static Frame iro(String trId, int index, int total, String handle, String friendlyName) {
		return Frame.line("IRO", trId, index, total, handle, friendlyName);
	}

	public static Frame ansOk(String trId) {
		return ok("ANS", trId);
	}

	public static Frame calRinging(String trId, String sessionId) {
		return Frame.of("CAL", trId, "RINGING", sessionId);
	}

	public static Frame joi(String handle, String friendlyName) {
		return Frame.of("JOI", handle, friendlyName);
	}

	/**
	 * A relayed message: {@code MSG sender-handle sender-name N} + the payload unmodified
	 * (§14.4).
	 */
	public static Frame msg(String senderHandle, String senderName, byte[] payload) {
		return Frame.withPayload("MSG", List.of(senderHandle, senderName), payload);
	}

	public static Frame ack(String trId) {
		return Frame.of("ACK", trId);
	}

	public static Frame nak(String trId) {
		return Frame.of("NAK", trId);
	}

	/**
	 * {@code BYE handle}, or {@code BYE handle 1} when the server disconnected it for
	 * idleness (§14.3).
	 */
	public static Frame bye(String handle, boolean idle) {
		return idle ? Frame.of("BYE", handle, "1") : Frame.of("BYE", handle);
	}

}
