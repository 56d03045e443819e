package org.butterfly.notification;

import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;
import org.butterfly.notification.support.NotificationServerTest;
import org.junit.jupiter.api.Test;

/** The MD5 sign-in and the login messages (msnp.md §5). */
class SignInTest extends NotificationServerTest {

	@Test
	void msnp2GetsTheShortProfile() {
		transcript("/transcripts/sign-in/msnp2-profile.msnp",
				(variables) -> variables.set("user", account("user", "User%20One")));
	}

	@Test
	void msnp6GetsTheVerifiedFlagAndTheMailboxStatus() {
		transcript("/transcripts/sign-in/msnp6-verified-and-mail.msnp", (variables) -> {
			String user = "mail-" + System.nanoTime() + "@example.com";
			this.accounts.create(new NewAccount(user, PASSWORD, "User%20One",
					new Profile(null, null, null, null, null, false, 1033, "US", "98052", "F", true, true)));
			return variables.set("user", user);
		});
	}

	@Test
	void wrongPasswordGets911AndAClose() {
		transcript("/transcripts/sign-in/wrong-password.msnp",
				(variables) -> variables.set("user", account("user", "User%20One")));
	}

	@Test
	void unknownAccountsAndMalformedHandlesFail() {
		transcript("/transcripts/sign-in/unknown-account.msnp",
				(variables) -> variables.set("user", account("user", "User%20One")).set("suffix", System.nanoTime()));
	}

	@Test
	void aSecondSignInKicksTheFirstWithOutOth() {
		transcript("/transcripts/sign-in/second-sign-in-kicks-first.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			mutual(alice, "Alice", bob, "Bob");
			return variables.set("alice", alice).set("bob", bob);
		});
	}

}
