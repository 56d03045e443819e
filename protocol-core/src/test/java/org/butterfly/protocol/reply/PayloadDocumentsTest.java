package org.butterfly.protocol.reply;

import java.nio.charset.StandardCharsets;

import org.butterfly.protocol.vocab.Dialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The payload documents byte for byte as msnp.md §18 prints them, with their verified
 * byte counts.
 */
class PayloadDocumentsTest {

	static final HotmailMessages.Profile ALICE = new HotmailMessages.Profile(1050826919, true, 0, 1234567, 1033,
			"alice@hotmail.com", "US", "98052", "F", "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$$");

	@Test
	void msnp5ProfileIsExample1() {
		String profile = HotmailMessages.profile(Dialect.MSNP5, ALICE);
		assertThat(bytes(profile)).isEqualTo(392);
		assertThat(profile)
			.startsWith("MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsprofile; charset=UTF-8\r\n"
					+ "LoginTime: 1050826919\r\nEmailEnabled: 1\r\nMemberIdHigh: 0\r\nMemberIdLow: 1234567\r\n")
			.endsWith("Age: \r\nBDayPre: \r\nBirthday: \r\nWallet: \r\nFlags: 1027\r\nsid: 507\r\nkv: 2\r\n"
					+ "MSPAuth: 2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$$\r\n\r\n");
	}

	@Test
	void msnp2ProfileHasOnlyTheLoginTime() {
		String profile = HotmailMessages.profile(Dialect.MSNP2, ALICE);
		assertThat(profile).isEqualTo(
				"MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsprofile; charset=UTF-8\r\nLoginTime: 1050826919\r\n\r\n");
		assertThat(bytes(profile)).isEqualTo(95);
	}

	@Test
	void initialEmailAndSystemMessageMatchTheExamples() {
		String mail = HotmailMessages.initialEmail(Dialect.MSNP5, 2, 0, "/cgi-bin/HoTMaiL", "/cgi-bin/folders",
				"http://www.hotmail.com");
		assertThat(bytes(mail)).isEqualTo(221);
		assertThat(HotmailMessages.initialEmail(Dialect.MSNP2, 2, 0, "/a", "/b", "http://c"))
			.contains("Content-Type: application/x-msmsgsemailnotification\r\n\r\n");
		String shutdown = HotmailMessages.systemShutdown(5);
		assertThat(shutdown).isEqualTo(
				"MIME-Version: 1.0\r\nContent-Type: application/x-msmsgssystemmessage\r\n\r\nType: 1\r\nArg1: 5\r\n\r\n");
		assertThat(bytes(shutdown)).isEqualTo(90);
	}

	@Test
	void notificationDocumentIsExample1() {
		NotificationDocument document = new NotificationDocument(1, "111100000", "http://alerts.example.net/",
				NotificationDocument.pid(0, 1234567), "alice@hotmail.com", 1, "alerts/show?item=42", "alerts/manage",
				1033, "Your order #42 has shipped.");
		assertThat(document.toXml()).isEqualTo("<NOTIFICATION ver=\"1\" id=\"1\" siteid=\"111100000\" "
				+ "siteurl=\"http://alerts.example.net/\">\r\n<TO pid=\"0x00000000:0x0012d687\" name=\"alice@hotmail.com\" />\r\n"
				+ "<MSG pri=\"\" id=\"1\">\r\n<ACTION url=\"alerts/show?item=42\" />\r\n<SUBSCR url=\"alerts/manage\" />\r\n"
				+ "<BODY lang=\"1033\" icon=\"\">\r\n<TEXT>Your order #42 has shipped.</TEXT>\r\n</BODY>\r\n</MSG>\r\n</NOTIFICATION>");
		assertThat(bytes(document.toXml())).isEqualTo(341);
	}

	@Test
	void notificationTextIsEscapedAndBounded() {
		NotificationDocument document = new NotificationDocument(2, "1", "http://x/", "0x00000000:0x00000001", "a@b.c",
				2, "a?x=1&y=\"2\"", "b", 1033, "<b>Tom & Jerry</b>");
		assertThat(document.toXml()).contains("<TEXT>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</TEXT>")
			.contains("url=\"a?x=1&amp;y=&quot;2&quot;\"");
		assertThatIllegalArgumentException().isThrownBy(() -> new NotificationDocument(3, "1", "http://x/",
				"0x00000000:0x00000001", "a@b.c", 3, "a", "b", 1033, "x".repeat(1000)));
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
