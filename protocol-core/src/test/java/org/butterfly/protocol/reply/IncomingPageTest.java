package org.butterfly.protocol.reply;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The {@code IPG} document byte for byte as msnp.md §18 Example 6 prints it. */
class IncomingPageTest {

	@Test
	void example6() {
		String document = new IncomingPage(0, "0x00000000:0x0012d687", "alice@hotmail.com", "0x00000000:0x0012d688",
				"bob@hotmail.com", 0, 1033, "On my way.")
			.toXml();

		assertThat(document)
			.isEqualTo("<NOTIFICATION id=\"0\" siteid=\"111100400\" siteurl=\"http://mobile.msn.com/\">\r\n"
					+ "<TO name=\"alice@hotmail.com\" pid=\"0x00000000:0x0012d687\" email=\"alice@hotmail.com\">\r\n"
					+ "<VIA agent=\"mobile\"/>\r\n</TO>\r\n<FROM pid=\"0x00000000:0x0012d688\" name=\"bob@hotmail.com\"/>\r\n"
					+ "<MSG pri=\"1\" id=\"0\">\r\n<ACTION url=\"2wayIM.asp\"/>\r\n<SUBSCR url=\"2wayIM.asp\"/>\r\n"
					+ "<CAT id=\"110110001\"/>\r\n<BODY lang=\"1033\">\r\n<TEXT>On my way.</TEXT>\r\n</BODY>\r\n</MSG>\r\n"
					+ "</NOTIFICATION>");
		assertThat(document.getBytes(StandardCharsets.UTF_8)).hasSize(428);
	}

	@Test
	void textIsEscapedAndBounded() {
		assertThat(new IncomingPage(1, "p", "a@b.c", "q", "d@e.f", 1, 1033, "<a & b>").toXml())
			.contains("<TEXT>&lt;a &amp; b&gt;</TEXT>");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IncomingPage(1, "p", "a@b.c", "q", "d@e.f", 1, 1033, "x".repeat(1000)));
	}

}
