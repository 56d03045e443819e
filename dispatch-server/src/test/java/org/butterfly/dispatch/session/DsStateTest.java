package org.butterfly.dispatch.session;

import java.util.EnumSet;

import org.butterfly.protocol.vocab.Verb;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DsStateTest {

	@Test
	void eachStateAllowsExactlyTheVerbsOfTheChecklist() {
		assertThat(allowed(DsState.START)).containsExactly(Verb.VER);
		assertThat(allowed(DsState.DIALECT_SET)).containsExactlyInAnyOrder(Verb.INF, Verb.CVR, Verb.PNG, Verb.USR,
				Verb.OUT);
		assertThat(allowed(DsState.CVR0_MODE)).containsExactly(Verb.CVQ);
		assertThat(allowed(DsState.CLOSING)).isEmpty();
	}

	@Test
	void theConversationOnlyMovesForward() {
		assertThat(DsState.START.canMoveTo(DsState.DIALECT_SET)).isTrue();
		assertThat(DsState.START.canMoveTo(DsState.CVR0_MODE)).isTrue();
		assertThat(DsState.START.canMoveTo(DsState.CLOSING)).isTrue();
		assertThat(DsState.DIALECT_SET.canMoveTo(DsState.CLOSING)).isTrue();
		assertThat(DsState.CVR0_MODE.canMoveTo(DsState.CLOSING)).isTrue();
		assertThat(DsState.DIALECT_SET.canMoveTo(DsState.CVR0_MODE)).isFalse();
		assertThat(DsState.CVR0_MODE.canMoveTo(DsState.DIALECT_SET)).isFalse();
		assertThat(DsState.DIALECT_SET.canMoveTo(DsState.DIALECT_SET)).isFalse();
		for (DsState next : DsState.values()) {
			assertThat(DsState.CLOSING.canMoveTo(next)).isFalse();
		}
	}

	private static EnumSet<Verb> allowed(DsState state) {
		EnumSet<Verb> allowed = EnumSet.noneOf(Verb.class);
		for (Verb verb : Verb.values()) {
			if (state.allows(verb)) {
				allowed.add(verb);
			}
		}
		return allowed;
	}

}
