package org.butterfly.notification.invitations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.butterfly.directory.mail.OutgoingMail;

/**
 * The localised plain-text invitation mails ({@code mail/invitation-<language>.txt},
 * docs/adr/0304), chosen by the client's LCID: the language of the LCID's primary
 * language id if there is a template for it, else English. Each template starts with
 * {@code Subject:} and {@code Message-Intro:} lines and an empty line; placeholders are
 * {@code {inviter}}, {@code {inviterAddress}}, {@code {message}} and
 * {@code {downloadUrl}}, replaced in one pass (so text a client sent is never expanded).
 * Immutable and thread-safe.
 */
public final class InvitationTemplates {

	/** Primary language id (low 10 bits of an LCID) → template language. */
	private static final Map<Integer, String> LANGUAGES = Map.of(0x09, "en", 0x07, "de", 0x0C, "fr", 0x0A, "es");

	private static final String FALLBACK = "en";

	/** The longest inviter name put into a subject, in code points. */
	private static final int SUBJECT_NAME_LENGTH = 100;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(inviter|inviterAddress|message|downloadUrl)}");

	private final Map<String, Template> templates = new HashMap<>();

	private final String downloadUrl;

	/**
	 * Loads every template.
	 * @param downloadUrl the page the invitation links to
	 */
	public InvitationTemplates(String downloadUrl) {
		this.downloadUrl = downloadUrl;
		LANGUAGES.values().forEach((language) -> this.templates.put(language, load(language)));
	}

	/**
	 * The template language for an LCID.
	 * @param lcid e.g. 0x0407 (German) or 0x0C07 (German, Austria)
	 * @return {@code en}, {@code de}, {@code fr} or {@code es}
	 */
	public static String language(int lcid) {
		return LANGUAGES.getOrDefault(lcid & 0x3FF, FALLBACK);
	}

	/**
	 * Renders the mail of an invitation: to the invitee, replies to the inviter, the
	 * {@code From} name left to the sender's configuration.
	 * @param invitation the invitation
	 * @return the mail
	 */
	public OutgoingMail render(Invitation invitation) {
		Template template = this.templates.get(language(invitation.lcid()));
		String subjectName = shorten(invitation.inviterName());
		String intro = fill(template.messageIntro(), invitation.inviterName(), invitation.inviter(), "");
		String message = invitation.message().isEmpty() ? ""
				: "\n" + intro + "\n\n" + invitation.message().indent(4).stripTrailing() + "\n";
		return new OutgoingMail(invitation.invitee(), invitation.inviter(), null,
				fill(template.subject(), subjectName, invitation.inviter(), ""),
				fill(template.body(), invitation.inviterName(), invitation.inviter(), message));
	}

	private String fill(String text, String inviter, String inviterAddress, String message) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = switch (matcher.group(1)) {
				case "inviter" -> inviter;
				case "inviterAddress" -> inviterAddress;
				case "message" -> message;
				default -> this.downloadUrl;
			};
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String shorten(String name) {
		if (name.codePointCount(0, name.length()) <= SUBJECT_NAME_LENGTH) {
			return name;
		}
		return name.substring(0, name.offsetByCodePoints(0, SUBJECT_NAME_LENGTH - 1)) + "…";
	}

	private static Template load(String language) {
		String resource = "/mail/invitation-" + language + ".txt";
		try (InputStream in = InvitationTemplates.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing mail template " + resource);
			}
			return Template.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private record Template(String subject, String messageIntro, String body) {

		static Template parse(String resource, String text) {
			String[] parts = text.replace("\r\n", "\n").split("\n\n", 2);
			String[] headers = parts[0].split("\n");
			if (parts.length != 2 || headers.length != 2 || !headers[0].startsWith("Subject: ")
					|| !headers[1].startsWith("Message-Intro: ")) {
				throw new IllegalStateException(
						resource + " must start with Subject: and Message-Intro: lines and an empty line");
			}
			return new Template(headers[0].substring(9), headers[1].substring(15), parts[1]);
		}

	}

}
