package org.butterfly.notification;

import java.util.List;

import org.butterfly.notification.support.NotificationServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * The services with the operator's switches moved from their defaults: server challenges
 * on (interval 2s, timeout 1s) and the member directory off (msnp.md §11.8, §12.1), as
 * golden transcripts in every dialect.
 */
@TestPropertySource(properties = { "butterfly.notification.challenges.enabled=true",
		"butterfly.notification.challenges.interval=2s", "butterfly.notification.challenges.timeout=1s",
		"butterfly.notification.member-search.enabled=false" })
class ServicesSwitchedTest extends NotificationServerTest {

	@Test
	void msnp6And7ClientsAreChallengedAfterTheFirstChgAndPeriodically() {
		for (String dialect : List.of("MSNP6", "MSNP7")) {
			transcript("/transcripts/challenges/server-challenges.msnp",
					(variables) -> variables.set("dialect", dialect).set("alice", account("alice", "Alice")));
		}
	}

	@Test
	void olderClientsAreNeverChallengedAndCannotAskForOne() {
		for (String dialect : List.of("MSNP2", "MSNP3", "MSNP4", "MSNP5")) {
			transcript("/transcripts/challenges/never-below-msnp6.msnp",
					(variables) -> variables.set("dialect", dialect).set("alice", account("alice", "Alice")));
		}
	}

	@Test
	void disabledMemberSearchAnswers502InEveryDialect() {
		for (String dialect : ServicesTest.ALL) {
			transcript("/transcripts/member-search/disabled.msnp",
					(variables) -> variables.set("dialect", dialect).set("alice", account("alice", "Alice")));
		}
	}

}
