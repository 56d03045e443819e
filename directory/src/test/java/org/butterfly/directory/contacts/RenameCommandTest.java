package org.butterfly.directory.contacts;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.contacts.ListEffect.PresenceCheck;
import org.butterfly.directory.privacy.Blp;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code REA} (msnp.md 9.3). */
class RenameCommandTest extends DirectoryIntegrationTest {

	@Test
	void renamingOneselfChangesTheFriendlyNameAndAsksEveryWatcherToReevaluate() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		String bob = newAccount("bob");
		this.lists.add(carol, ListType.FL, alice, alice);
		this.lists.add(bob, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.BL, bob, bob);
		long aliceVersion = version(alice);
		long carolVersion = version(carol);

		ListUpdate renamed = this.lists.rename(alice, alice, "Alice%20(busy%20week)");

		assertThat(renamed.version()).isEqualTo(aliceVersion + 1);
		assertThat(renamed.effects()).containsExactly(new PresenceCheck(carol, alice, true),
				new PresenceCheck(bob, alice, false));
		assertThat(this.accounts.find(alice).orElseThrow().friendlyName()).isEqualTo("Alice%20(busy%20week)");
		assertThat(version(carol)).isEqualTo(carolVersion);
		// Stored names at the watchers are not rewritten (msnp.md 6.3).
		assertThat(this.lists.snapshot(carol).forwardList().get(0).name()).isEqualTo(alice);
	}

	@Test
	void renamingOneselfToTheSameNameStillCountsButAsksNothing() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(carol, ListType.FL, alice, alice);
		this.lists.rename(alice, alice, "Alice");
		long aliceVersion = version(alice);

		ListUpdate renamed = this.lists.rename(alice, alice, "Alice");

		assertThat(renamed.version()).isEqualTo(aliceVersion + 1);
		assertThat(renamed.effects()).isEmpty();
	}

	@Test
	void renamingAContactRenamesItOnEveryListButTheReverseList() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(carol, ListType.FL, alice, alice);
		this.lists.add(alice, ListType.FL, carol, carol);
		this.lists.add(alice, ListType.AL, carol, carol);
		long aliceVersion = version(alice);
		long carolVersion = version(carol);

		ListUpdate renamed = this.lists.rename(alice, carol.toUpperCase(), "Carol%20C.");

		assertThat(renamed.version()).isEqualTo(aliceVersion + 1);
		assertThat(renamed.effects()).isEmpty();
		assertThat(version(carol)).isEqualTo(carolVersion);
		SynSnapshot snapshot = this.lists.snapshot(alice);
		assertThat(snapshot.forwardList().get(0).name()).isEqualTo("Carol%20C.");
		assertThat(snapshot.allowList()).containsExactly(new SynSnapshot.Entry(carol, "Carol%20C."));
		assertThat(snapshot.reverseList()).containsExactly(new SynSnapshot.Entry(carol, carol.replace("@", "%40")));
	}

	@Test
	void aHandleOnNoListIsRefusedWith216() {
		String alice = newAccount("alice");
		String carol = newAccount("carol");
		this.lists.add(carol, ListType.FL, alice, alice);

		assertRefused(ListError.NOT_ON_LIST, () -> this.lists.rename(alice, "nobody@example.com", "x"), alice);
		// Only on the RL: nothing the user may rename.
		assertRefused(ListError.NOT_ON_LIST, () -> this.lists.rename(alice, carol, "x"), alice, carol);
		assertRefused(ListError.NOT_ON_LIST, () -> this.lists.rename(alice, "a@b", "x"), alice);
	}

	@Test
	void overLongNamesCloseTheConnection() {
		String alice = newAccount("alice");

		assertRefused(ListError.NAME_TOO_LONG, () -> this.lists.rename(alice, alice, "%41".repeat(130)), alice);
		assertThat(this.lists.rename(alice, alice, "%41".repeat(129)).version()).isPositive();
	}

	@Test
	void refusedNamesAreRefusedWith209() {
		ListService strict = new ListService(this.accountRepository, this.contactRepository, this.groupRepository,
				this.transactions, new ListRules(150, 500, 500, 30, List.of("Admin")), Clock.systemUTC());
		String alice = newAccount("alice");

		assertRefused(ListError.NAME_REFUSED, () -> strict.rename(alice, alice, "The%20%41DMIN"), alice);
		assertThat(ListError.NAME_REFUSED.code()).isEqualTo(209);
		assertThat(strict.rename(alice, alice, "Alice").version()).isPositive();
	}

	@Test
	void blpAndGtcRefuseTheCurrentModeWith218() {
		String alice = newAccount("alice");

		assertRefused(ListError.ALREADY_IN_MODE, () -> this.lists.setPrivacyMode(alice, Blp.AL), alice);
		assertRefused(ListError.ALREADY_IN_MODE, () -> this.lists.setPromptMode(alice, Gtc.A), alice);
		assertThat(ListError.ALREADY_IN_MODE.code()).isEqualTo(218);
		long version = version(alice);
		assertThat(this.lists.setPromptMode(alice, Gtc.N)).isEqualTo(new ListUpdate(version + 1, List.of()));
		assertThat(this.lists.setPrivacyMode(alice, Blp.BL).version()).isEqualTo(version + 2);
		SynSnapshot snapshot = this.lists.snapshot(alice);
		assertThat(snapshot.gtc()).isEqualTo(Gtc.N);
		assertThat(snapshot.blp()).isEqualTo(Blp.BL);
	}

	@Test
	void blpAndGtcTokensOutsideTheVocabularyCloseTheConnection() {
		assertThat(catchError(() -> Blp.fromToken("XX"))).isEqualTo(ListError.MALFORMED_ARGUMENT);
		assertThat(catchError(() -> Gtc.fromToken("a"))).isEqualTo(ListError.MALFORMED_ARGUMENT);
		assertThat(Blp.fromToken("BL")).isEqualTo(Blp.BL);
		assertThat(Gtc.fromToken("N")).isEqualTo(Gtc.N);
	}

	@Test
	void changingBlpAsksToReevaluateOnlyTheWatchersWhoseAllowanceFlips() {
		String alice = newAccount("alice");
		String allowed = newAccount("allowed");
		String stranger = newAccount("stranger");
		String blocked = newAccount("blocked");
		for (String watcher : List.of(allowed, stranger, blocked)) {
			this.lists.add(watcher, ListType.FL, alice, alice);
		}
		this.lists.add(alice, ListType.AL, allowed, allowed);
		this.lists.add(alice, ListType.BL, blocked, blocked);

		assertThat(this.lists.setPrivacyMode(alice, Blp.BL).effects())
			.containsExactly(new PresenceCheck(stranger, alice, false));
		assertThat(this.lists.setPrivacyMode(alice, Blp.AL).effects())
			.containsExactly(new PresenceCheck(stranger, alice, true));
	}

	private static ListError catchError(Runnable command) {
		try {
			command.run();
		}
		catch (ListException ex) {
			return ex.error();
		}
		return null;
	}

}
