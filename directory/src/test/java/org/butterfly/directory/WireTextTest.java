package org.butterfly.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Handle and wire-form rules (msnp.md 2.5, 2.7). */
class WireTextTest {

	@Test
	void handlesAreLowerCaseAddressesWithADottedDomainOfAtMost129Bytes() {
		assertThat(WireText.normalizeHandle("Alice@Hotmail.COM")).isEqualTo("alice@hotmail.com");
		assertThat(WireText.normalizeHandle("first.last+tag@mail.example.org"))
			.isEqualTo("first.last+tag@mail.example.org");
		assertThat(WireText.normalizeHandle("a@b")).isNull();
		assertThat(WireText.normalizeHandle("nobody")).isNull();
		assertThat(WireText.normalizeHandle("two@at@example.com")).isNull();
		assertThat(WireText.normalizeHandle("sp ace@example.com")).isNull();
		assertThat(WireText.normalizeHandle("x".repeat(117) + "@example.com")).hasSize(129);
		assertThat(WireText.normalizeHandle("x".repeat(118) + "@example.com")).isNull();
		assertThat(WireText.normalizeHandle(null)).isNull();
	}

	@Test
	void tokensArePrintableAsciiWithoutSpaces() {
		assertThat(WireText.isToken("Alice%20A.")).isTrue();
		assertThat(WireText.isToken("")).isFalse();
		assertThat(WireText.isToken("a b")).isFalse();
		assertThat(WireText.isToken("tab\t")).isFalse();
		assertThat(WireText.isToken("é")).isFalse();
	}

	@Test
	void encodingAndDecodingFollowRfc1738OnUtf8Bytes() {
		assertThat(WireText.encode("example@hotmail.com")).isEqualTo("example%40hotmail.com");
		assertThat(WireText.encode("Zoë 100%")).isEqualTo("Zo%C3%AB%20100%25");
		assertThat(WireText.decode("Zo%c3%ab%20100%25")).isEqualTo("Zoë 100%");
		assertThat(WireText.decode("a+b%2")).isEqualTo("a+b%2");
		assertThat(WireText.decode("%zz%4")).isEqualTo("%zz%4");
		assertThat(WireText.byteLength("ë")).isEqualTo(2);
	}

}
