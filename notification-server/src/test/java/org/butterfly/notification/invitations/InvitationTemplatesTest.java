package org.butterfly.notification.invitations;

import org.butterfly.directory.mail.OutgoingMail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Language choice by LCID with English as the fallback, addressing, the personal text,
 * and client text that is never expanded as a placeholder.
 */
class InvitationTemplatesTest {

	private final InvitationTemplates templates = new InvitationTemplates("https://example.test/get");

	@Test
	void theLanguageIsThePrimaryLanguageOfTheLcidWithEnglishOtherwise() {
		assertThat(InvitationTemplates.language(0x0409)).isEqualTo("en");
		assertThat(InvitationTemplates.language(0x0809)).isEqualTo("en");
		assertThat(InvitationTemplates.language(0x0407)).isEqualTo("de");
		assertThat(InvitationTemplates.language(0x0C07)).isEqualTo("de");
		assertThat(InvitationTemplates.language(0x040C)).isEqualTo("fr");
		assertThat(InvitationTemplates.language(0x0C0A)).isEqualTo("es");
		assertThat(InvitationTemplates.language(0x0411)).isEqualTo("en");
		assertThat(InvitationTemplates.language(0xFFFF)).isEqualTo("en");
	}

	@Test
	void theMailGoesToTheInviteeAndAnswersTheInviter() {
		OutgoingMail mail = this.templates
			.render(new Invitation("alice@example.com", "Alice", "bob@example.org", 0x0407, ""));
		assertThat(mail.recipient()).isEqualTo("bob@example.org");
		assertThat(mail.replyTo()).isEqualTo("alice@example.com");
		assertThat(mail.senderName()).isNull();
		assertThat(mail.subject()).isEqualTo("Alice lädt Sie zu MSN Messenger ein");
		assertThat(mail.body()).contains("Alice (alice@example.com)", "https://example.test/get")
			.doesNotContain("{", "persönliche Nachricht");
	}

	@Test
	void placeholdersInClientTextStayAsTheyAre() {
		OutgoingMail mail = this.templates.render(new Invitation("alice@example.com", "{downloadUrl} {message}",
				"bob@example.org", 0x0409, "see {inviterAddress}\nbye"));
		assertThat(mail.subject()).isEqualTo("{downloadUrl} {message} invites you to MSN Messenger");
		assertThat(mail.body())
			.contains("{downloadUrl} {message} added a personal message:\n\n    see {inviterAddress}\n    bye\n");
	}

	@Test
	void aLongNameIsShortenedInTheSubjectOnly() {
		String name = "😀".repeat(129);
		OutgoingMail mail = this.templates
			.render(new Invitation("alice@example.com", name, "bob@example.org", 0x040C, ""));
		assertThat(mail.subject()).startsWith("😀".repeat(99) + "…").endsWith(" vous invite sur MSN Messenger");
		assertThat(mail.body()).contains(name);
	}

}
