package org.butterfly.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdvertisedAddressTest {

	@Test
	void dottedQuadsAreAcceptedAndWrittenAsHostColonPort() {
		assertThat(AdvertisedAddress.of("127.0.0.1", 1864, false)).hasToString("127.0.0.1:1864");
		assertThat(AdvertisedAddress.parse("10.0.0.5:1863", false)).isEqualTo(new AdvertisedAddress("10.0.0.5", 1863));
		assertThat(AdvertisedAddress.parse(" 255.255.255.254:65535 ", false)).hasToString("255.255.255.254:65535");
	}

	@Test
	void hostNamesAreRefusedUnlessAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> AdvertisedAddress.of("localhost", 1863, false))
			.withMessageContaining("dotted-quad")
			.withMessageContaining("allow-hostnames");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AdvertisedAddress.parse("messenger.example.net:1863", false));
		assertThat(AdvertisedAddress.parse("messenger.example.net:1863", true))
			.hasToString("messenger.example.net:1863");
	}

	@Test
	void anythingButFourPlainDecimalOctetsIsNotAnIpv4Literal() {
		assertThat(AdvertisedAddress.isIpv4Literal("1.2.3.4")).isTrue();
		assertThat(AdvertisedAddress.isIpv4Literal("0.0.0.0")).isTrue();
		for (String notOne : new String[] { "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1..3.4",
				"a.b.c.d", "1.2.3.4 ", "::1", "" }) {
			assertThat(AdvertisedAddress.isIpv4Literal(notOne)).as(notOne).isFalse();
		}
	}

	@Test
	void theWildcardAndBrokenAddressesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AdvertisedAddress.of("0.0.0.0", 1863, true))
			.withMessageContaining("wildcard");
		for (String broken : new String[] { "10.0.0.5", "10.0.0.5:", ":1863", "10.0.0.5:0", "10.0.0.5:65536",
				"10.0.0.5:18a3", "10.0.0.5:-1", "::1:1863", "a b:1863" }) {
			assertThatIllegalArgumentException().as(broken).isThrownBy(() -> AdvertisedAddress.parse(broken, true));
		}
	}

}
