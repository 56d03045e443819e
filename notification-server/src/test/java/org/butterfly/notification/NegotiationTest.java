package org.butterfly.notification;

import org.butterfly.notification.support.NotificationServerTest;
import org.junit.jupiter.api.Test;

/** VER, INF, CVR, PNG, OUT and the state gate (msnp.md §3, §13, §20.2). */
class NegotiationTest extends NotificationServerTest {

	@Test
	void informationCommands() {
		transcript("/transcripts/negotiation/ver-inf-cvr-png-out.msnp", (variables) -> variables);
	}

	@Test
	void noCommonDialect() {
		transcript("/transcripts/negotiation/no-common-dialect.msnp", (variables) -> variables);
	}

	@Test
	void commandsOutsideTheirStateClose() {
		transcript("/transcripts/negotiation/state-gate.msnp", (variables) -> variables);
	}

}
