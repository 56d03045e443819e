package org.butterfly.notification.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The verbs each phase of a connection allows (msnp.md §20.2). */
class NsStateTest {

	@Test
	void onlyVerBeforeNegotiation() {
		assertThat(NsState.AWAITING_VER.allows("VER")).isTrue();
		assertThat(NsState.AWAITING_VER.allows("INF")).isFalse();
		assertThat(NsState.AWAITING_VER.allows("CVQ")).isFalse();
	}

	@Test
	void nothingThatNeedsSignInBeforeIt() {
		for (NsState state : new NsState[] { NsState.NEGOTIATED, NsState.CHALLENGED }) {
			assertThat(state.allows("USR")).isTrue();
			assertThat(state.allows("OUT")).isTrue();
			for (String verb : new String[] { "VER", "SYN", "CHG", "ADD", "LST", "XFR", "PRP" }) {
				assertThat(state.allows(verb)).as("%s in %s", verb, state).isFalse();
			}
		}
	}

	@Test
	void signedInSessionsMayNotRenegotiate() {
		assertThat(NsState.AUTHENTICATED.allows("SYN")).isTrue();
		assertThat(NsState.AUTHENTICATED.allows("USR")).as("answered 207").isTrue();
		assertThat(NsState.AUTHENTICATED.allows("VER")).isFalse();
		assertThat(NsState.AUTHENTICATED.allows("INF")).isFalse();
	}

}
