package org.butterfly.protocol.vocab;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTest {

	@Test
	void md5SignInMatchesTheSpecVectors() {
		assertThat(Md5.signInResponse("1234567890.123456789", "password"))
			.isEqualTo("f59af8f2fa91d38aff7c870c17f99903");
		assertThat(Md5.signInResponse("1013928519.693957190", "alicepass"))
			.isEqualTo("e938940c21cf00fa0bc349db5d258ada");
	}

	@Test
	void challengeResponsesMatchTheSpecVectors() {
		assertThat(Challenges.expectedResponse("msmsgs@msnmsgr.com", "22299241447072743325"))
			.contains("20dba7e6e9817826b9cd5240cc8add99");
		assertThat(Challenges.expectedResponse("msmsgs@msnmsgr.com", "11111111111111111111"))
			.contains("3b6666b60157322b6fc6e41a115968f5");
		assertThat(Challenges.verify("msmsgs@msnmsgr.com", "36820518423106149373", "34EDD82E71E9841885985DA6540A3552"))
			.isTrue();
		assertThat(Challenges.verify("msmsgs@msnmsgr.com", "36820518423106149373", "00000000000000000000000000000000"))
			.isFalse();
		assertThat(Challenges.verify("unknown@example.com", "1", "x")).isFalse();
	}

	@Test
	void negotiationPicksTheHighestCommonDialectAndEchoesCvr0() {
		assertThat(VersionNegotiation.negotiate(List.of("MSNP7", "MSNP6", "MSNP5", "MSNP4", "CVR0")).replyTokens())
			.containsExactly("MSNP7", "CVR0");
		assertThat(VersionNegotiation.negotiate(List.of("MSNP5", "MSNP4", "CVR0")).replyTokens())
			.containsExactly("MSNP5", "CVR0");
		assertThat(VersionNegotiation.negotiate(List.of("msnp4", "MSNP6")).replyTokens()).containsExactly("MSNP6");
		assertThat(VersionNegotiation.negotiate(List.of("MSNP8", "CVR0")).replyTokens()).containsExactly("CVR0");
		assertThat(VersionNegotiation.negotiate(List.of("MSNP8", "CVR0")).versionCheckOnly()).isTrue();
		VersionNegotiation none = VersionNegotiation.negotiate(List.of("MSNP9", "MSNP8"));
		assertThat(none.replyTokens()).containsExactly("0");
		assertThat(none.failed()).isTrue();
	}

	@Test
	void urlEncodingEncodesTheMinimalSetAndDecodesLeniently() {
		assertThat(UrlEncoding.encode("Alice A.")).isEqualTo("Alice%20A.");
		assertThat(UrlEncoding.encode("100% (sure)+\u00e9")).isEqualTo("100%25%20(sure)+%C3%A9");
		assertThat(UrlEncoding.decode("Family%20%26%20Kin")).isEqualTo("Family & Kin");
		assertThat(UrlEncoding.decode("a+b%2ec%C3%A9")).isEqualTo("a+b.c\u00e9");
		assertThat(UrlEncoding.decode("50%")).isEqualTo("50%");
		assertThat(UrlEncoding.decode("%zz%4")).isEqualTo("%zz%4");
		assertThat(UrlEncoding.decode(UrlEncoding.encode("line\r\nbreak \u2603"))).isEqualTo("line\r\nbreak \u2603");
	}

	@Test
	void handlesMustLookLikeEmailAddresses() {
		assertThat(Handles.isValid("alice@hotmail.com")).isTrue();
		assertThat(Handles.isValid("first.last+tag@mail.example.co.uk")).isTrue();
		assertThat(Handles.isValid("a@b")).isFalse();
		assertThat(Handles.isValid("@@a")).isFalse();
		assertThat(Handles.isValid("nobody")).isFalse();
		assertThat(Handles.isValid("a@b@c.com")).isFalse();
		assertThat(Handles.isValid("a b@c.com")).isFalse();
		assertThat(Handles.isValid("a@.com")).isFalse();
		assertThat(Handles.isValid("a".repeat(121) + "@test.com")).isFalse();
		assertThat(Handles.isValid("a".repeat(120) + "@test.com")).isTrue();
	}

	@Test
	void dialectsDecideWhatTheClientSees() {
		assertThat(Dialect.MSNP2.referralHasZero()).isFalse();
		assertThat(Dialect.MSNP3.referralHasZero()).isTrue();
		assertThat(Dialect.MSNP6.referralNamesCurrentServer()).isFalse();
		assertThat(Dialect.MSNP7.referralNamesCurrentServer()).isTrue();
		assertThat(Dialect.MSNP4.hasPhoneProperties()).isFalse();
		assertThat(Dialect.MSNP5.hasPhoneProperties()).isTrue();
		assertThat(Dialect.MSNP5.hasVerifiedFlag()).isFalse();
		assertThat(Dialect.MSNP6.hasChallenges()).isTrue();
		assertThat(Dialect.MSNP6.hasGroups()).isFalse();
		assertThat(Dialect.MSNP7.hasGroups()).isTrue();
		assertThat(Dialect.fromToken("msnp5")).contains(Dialect.MSNP5);
		assertThat(Dialect.fromToken("MSNP8")).isEmpty();
	}

	@Test
	void statusesAndListsAreCaseSensitive() {
		assertThat(Status.fromToken("NLN")).contains(Status.NLN);
		assertThat(Status.fromToken("nln")).isEmpty();
		assertThat(Status.HDN.isVisible()).isFalse();
		assertThat(Status.AWY.isVisible()).isTrue();
		assertThat(ListType.fromToken("RL").map(ListType::clientEditable)).contains(false);
		assertThat(ListType.fromToken("fl")).isEmpty();
		assertThat(Verb.fromToken("chg")).isEmpty();
		assertThat(ErrorCode.of(911)).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
	}

}
