package org.butterfly.notification;

import org.butterfly.notification.support.NotificationServerTest;
import org.junit.jupiter.api.Test;

/** CHG, ILN, NLN, FLN and IMS between users who watch each other (msnp.md §8). */
class PresenceTest extends NotificationServerTest {

	@Test
	void twoUsersThroughEveryStatus() {
		transcript("/transcripts/presence/two-users-every-status.msnp", this::aliceAndBob);
	}

	@Test
	void hiddenFirstChgStillGetsIlnAndImsOffRefusesSwitchboards() {
		transcript("/transcripts/presence/first-chg-hidden-and-ims.msnp", this::aliceAndBob);
	}

	@Test
	void threeUsersAcrossDialects() {
		transcript("/transcripts/presence/three-users.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			String carol = account("carol", "Carol");
			mutual(alice, "Alice", bob, "Bob");
			mutual(alice, "Alice", carol, "Carol");
			mutual(bob, "Bob", carol, "Carol");
			return variables.set("alice", alice).set("bob", bob).set("carol", carol);
		});
	}

	private Variables aliceAndBob(Variables variables) {
		String alice = account("alice", "Alice");
		String bob = account("bob", "Bob");
		mutual(alice, "Alice", bob, "Bob");
		return variables.set("alice", alice).set("bob", bob);
	}

}
