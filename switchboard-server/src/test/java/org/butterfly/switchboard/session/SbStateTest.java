package org.butterfly.switchboard.session;

import org.butterfly.protocol.vocab.Verb;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SbStateTest {

	@Test
	void onlyUsrAndAnsOpenAConnection() {
		for (Verb verb : Verb.values()) {
			assertThat(SbState.AWAITING_AUTH.allows(verb)).as(verb.name())
				.isEqualTo(verb == Verb.USR || verb == Verb.ANS);
		}
	}

	@Test
	void aJoinedParticipantMayCallSendAndLeaveOnly() {
		for (Verb verb : Verb.values()) {
			assertThat(SbState.JOINED.allows(verb)).as(verb.name())
				.isEqualTo(verb == Verb.CAL || verb == Verb.MSG || verb == Verb.OUT);
		}
	}

	@Test
	void closingIsFinal() {
		assertThat(SbState.AWAITING_AUTH.canMoveTo(SbState.JOINED)).isTrue();
		assertThat(SbState.AWAITING_AUTH.canMoveTo(SbState.CLOSING)).isTrue();
		assertThat(SbState.JOINED.canMoveTo(SbState.CLOSING)).isTrue();
		assertThat(SbState.JOINED.canMoveTo(SbState.AWAITING_AUTH)).isFalse();
		for (SbState next : SbState.values()) {
			assertThat(SbState.CLOSING.canMoveTo(next)).isFalse();
			assertThat(SbState.CLOSING.allows(Verb.OUT)).isFalse();
		}
	}

}
