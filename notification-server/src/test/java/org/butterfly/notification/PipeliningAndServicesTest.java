package org.butterfly.notification;

import org.butterfly.notification.support.NotificationServerTest;
import org.junit.jupiter.api.Test;

/**
 * Pipelined commands keep their order (msnp.md §21), and the service commands give their
 * minimal spec-conformant answers (§11.3-§11.8, §12.1, §13.3).
 */
class PipeliningAndServicesTest extends NotificationServerTest {

	@Test
	void pipelinedCommandsAreAnsweredInOrder() {
		transcript("/transcripts/pipelining/pipelined-commands.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			mutual(alice, "Alice", bob, "Bob");
			return variables.set("alice", alice).set("bob", bob).versions("va", version(alice), 2);
		});
	}

	@Test
	void serviceCommands() {
		transcript("/transcripts/services/services.msnp",
				(variables) -> variables.set("alice", account("alice", "Alice")).set("bob", account("bob", "Bob")));
	}

}
