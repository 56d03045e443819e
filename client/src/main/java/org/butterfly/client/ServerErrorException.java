package org.butterfly.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.wire.Frame;

/**
 * The server answered a request with an error reply {@code NNN TrID} (msnp.md §2.8, §15).
 */
public class ServerErrorException extends ClientException {

	private final int code;

	private final String command;

	public ServerErrorException(int code, String command) {
		super(command + " refused with MSNP error " + code + describe(code));
		this.code = code;
		this.command = command;
	}

	/** The three-digit error code, e.g. 911. */
	public int code() {
		return this.code;
	}

	/** The code as Butterfly names it, if it is one Butterfly sends. */
	public Optional<ErrorCode> errorCode() {
		return known(this.code);
	}

	/** The verb of the refused command. */
	public String command() {
		return this.command;
	}

	/** Whether a verb is an error code: exactly three digits. */
	public static boolean isError(String verb) {
		return verb.length() == 3 && Character.isDigit(verb.charAt(0)) && Character.isDigit(verb.charAt(1))
				&& Character.isDigit(verb.charAt(2));
	}

	/** The exception for an error reply to a command with {@code verb}. */
	public static ServerErrorException of(Frame reply, String verb) {
		return new ServerErrorException(Integer.parseInt(reply.verb()), verb);
	}

	private static String describe(int code) {
		return known(code).map((error) -> " (" + error.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
			.orElse("");
	}

	private static Optional<ErrorCode> known(int code) {
		return Arrays.stream(ErrorCode.values()).filter((error) -> error.code() == code).findFirst();
	}

}
