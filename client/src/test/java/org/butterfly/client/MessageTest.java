package org.butterfly.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Switchboard payloads (msnp.md §14.4) and alert documents (§11.6). */
class MessageTest {

	@Test
	void writesAndReadsTheExampleChatLine() {
		// Example 3 of msnp.md §18: exactly 134 bytes, no CR LF after the text.
		byte[] payload = Message.text("Hello Bob!").toBytes();
		assertThat(payload).hasSize(134);
		assertThat(new String(payload, StandardCharsets.UTF_8)).endsWith("\r\n\r\nHello Bob!");
		Message read = Message.parse(payload);
		assertThat(read.isText()).isTrue();
		assertThat(read.body()).isEqualTo("Hello Bob!");
		assertThat(read.headers()).containsEntry("X-MMS-IM-Format", "FN=MS%20Sans%20Serif; EF=; CO=0; CS=0; PF=0");
	}

	@Test
	void theTypingNoticeIsTheExample88Bytes() {
		byte[] payload = Message.typing("bob@hotmail.com").toBytes();
		assertThat(payload).hasSize(88);
		Message read = Message.parse(payload);
		assertThat(read.contentType()).isEqualTo("text/x-msmsgscontrol");
		assertThat(read.isText()).isFalse();
		assertThat(read.headers()).containsEntry("TypingUser", "bob@hotmail.com");
	}

	@Test
	void aPayloadWithoutABlankLineIsAllHeaders() {
		Message read = Message.parse("Content-Type: text/plain\r\nX-Other: 1".getBytes(StandardCharsets.UTF_8));
		assertThat(read.body()).isEmpty();
		assertThat(read.headers()).containsKeys("Content-Type", "X-Other");
	}

	@Test
	void readsTheTextAndActionOfAnAlert() {
		Alert alert = new Alert("<NOTIFICATION ver=\"1\" id=\"1\" siteid=\"111100000\" siteurl=\"http://a.example/\">"
				+ "<TO pid=\"0x00000000:0x00000001\" name=\"bob\"/><MSG pri=\"\" id=\"1\"><ACTION url=\"go?a=1&amp;b=2\"/>"
				+ "<SUBSCR url=\"s\"/><BODY lang=\"1033\"><TEXT>Tom &amp; Jerry &lt;3</TEXT></BODY></MSG></NOTIFICATION>");
		assertThat(alert.text()).isEqualTo("Tom & Jerry <3");
		assertThat(alert.actionUrl()).isEqualTo("go?a=1&b=2");
		assertThat(new Alert("<NOTIFICATION/>").text()).isEmpty();
	}

}
