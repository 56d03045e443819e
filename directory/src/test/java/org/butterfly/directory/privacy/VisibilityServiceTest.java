package org.butterfly.directory.privacy;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.account.AccountNotFoundException;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The presence queries: {@code watchersOf}, {@code contactsOf}, {@code allowedBy}
 * (msnp.md 6.5, 8.3, 8.4).
 */
class VisibilityServiceTest extends DirectoryIntegrationTest {

	@Test
	void watchersAreTheReverseListWithTheirAllowance() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");
		String carol = newAccount("carol");
		String dave = newAccount("dave");
		this.lists.add(bob, ListType.FL, alice, alice);
		this.lists.add(carol, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.BL, carol, carol);
		this.lists.add(alice, ListType.AL, dave, dave);

		assertThat(this.visibility.watchersOf(alice)).containsExactly(new Watcher(bob, true),
				new Watcher(carol, false));

		this.lists.setPrivacyMode(alice, Blp.BL);
		this.lists.add(alice, ListType.AL, bob, bob);
		assertThat(this.visibility.watchersOf(alice)).containsExactly(new Watcher(bob, true),
				new Watcher(carol, false));
		this.lists.remove(alice, ListType.AL, bob);
		assertThat(this.visibility.watchersOf(alice.toUpperCase())).containsExactly(new Watcher(bob, false),
				new Watcher(carol, false));

		// blocked even when the mode allows everyone else
		this.lists.setPrivacyMode(alice, Blp.AL);
		assertThat(this.visibility.watchersOf(alice)).containsExactly(new Watcher(bob, true),
				new Watcher(carol, false));
	}

	@Test
	void anOwnerNobodyWatchesHasNoWatchersAndAnUnknownOneIsAnError() {
		String loner = newAccount("loner");
		assertThat(this.visibility.watchersOf(loner)).isEmpty();
		assertThatExceptionOfType(AccountNotFoundException.class)
			.isThrownBy(() -> this.visibility.watchersOf("nobody@nowhere.example"));
	}

	@Test
	void contactsAreTheForwardListWithTheirNamesAndWhetherTheyAllowTheWatcher() {
		String watcher = newAccount("watcher");
		String open = newAccount("open");
		String closed = newAccount("closed");
		String blocking = newAccount("blocking");
		String allowing = newAccount("allowing");
		this.lists.rename(open, open, "Open%20Door");
		this.lists.setPrivacyMode(closed, Blp.BL);
		this.lists.setPrivacyMode(allowing, Blp.BL);
		this.lists.add(allowing, ListType.AL, watcher, watcher);
		this.lists.add(blocking, ListType.BL, watcher, watcher);
		for (String contact : new String[] { open, closed, blocking, allowing }) {
			this.lists.add(watcher, ListType.FL, contact, contact);
		}

		assertThat(this.visibility.contactsOf(watcher)).containsExactly(new ForwardContact(open, "Open%20Door", true),
				new ForwardContact(closed, closed.replace("@", "%40"), false),
				new ForwardContact(blocking, blocking.replace("@", "%40"), false),
				new ForwardContact(allowing, allowing.replace("@", "%40"), true));
		// A signed-in session asks by account id, and gets the same answer.
		assertThat(this.visibility.contactsOf(this.accounts.find(watcher).orElseThrow().id()))
			.isEqualTo(this.visibility.contactsOf(watcher));
		assertThat(this.visibility.contactsOf(Long.MAX_VALUE)).as("no such account").isEmpty();
	}

	@Test
	void allowedByAnswersForOnePair() {
		String alice = newAccount("alice");
		String bob = newAccount("bob");

		assertThat(this.visibility.allowedBy(alice, bob)).isTrue();
		this.lists.add(alice, ListType.BL, bob, bob);
		assertThat(this.visibility.allowedBy(alice, bob)).isFalse();
		assertThat(this.visibility.allowedBy(bob, alice)).isTrue();
		assertThat(this.visibility.allowedBy("ghost@example.com", bob)).isFalse();
		assertThat(this.visibility.allowedBy(alice, "ghost@example.com")).isFalse();
	}

}
