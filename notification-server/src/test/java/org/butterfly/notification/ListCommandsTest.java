package org.butterfly.notification;

import org.butterfly.directory.contacts.ListType;
import org.butterfly.notification.support.NotificationServerTest;
import org.junit.jupiter.api.Test;

/**
 * ADD, REM, REA, BLP, GTC, PRP and the MSNP7 group commands, with their error codes and
 * their effects on other users (msnp.md §9-§11).
 */
class ListCommandsTest extends NotificationServerTest {

	@Test
	void addRemoveRenameWithErrorCodes() {
		transcript("/transcripts/lists/add-rem-rea.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			return variables.set("alice", alice)
				.set("bob", bob)
				.set("suffix", System.nanoTime())
				.versions("va", version(alice), 5)
				.versions("vb", version(bob), 3);
		});
	}

	@Test
	void blockingAndBlpTakeEffectImmediately() {
		transcript("/transcripts/privacy/block-and-blp.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			mutual(alice, "Alice", bob, "Bob");
			return variables.set("alice", alice).set("bob", bob).versions("va", version(alice), 7);
		});
	}

	@Test
	void phonePropertiesReachOnlyTheWatchersAllowedToSeeThem() {
		transcript("/transcripts/properties/prp-bpr-watchers.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			String carol = account("carol", "Carol");
			String dave = account("dave", "Dave");
			list(bob, ListType.FL, alice, "Alice");
			list(carol, ListType.FL, alice, "Alice");
			list(dave, ListType.FL, alice, "Alice");
			list(alice, ListType.AL, bob, "Bob");
			list(alice, ListType.AL, dave, "Dave");
			return variables.set("alice", alice)
				.set("bob", bob)
				.set("carol", carol)
				.set("dave", dave)
				.versions("va", version(alice), 5)
				.versions("vb", version(bob), 4);
		});
	}

	@Test
	void allowingAWatcherRevealsThePhoneNumbers() {
		transcript("/transcripts/properties/allow-reveals-phones.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			this.lists.setProperty(alice, "PHH", "1%20(222)%203333");
			list(bob, ListType.FL, alice, "Alice");
			return variables.set("alice", alice)
				.set("bob", bob)
				.versions("va", version(alice), 4)
				.versions("vb", version(bob), 3);
		});
	}

	@Test
	void msnp7Groups() {
		transcript("/transcripts/groups/msnp7-groups.msnp", (variables) -> {
			String alice = account("alice", "Alice");
			String bob = account("bob", "Bob");
			return variables.set("alice", alice).set("bob", bob).versions("va", version(alice), 8);
		});
	}

}
