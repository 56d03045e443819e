package org.butterfly.client.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.client.ContactList;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.wire.Frame;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list lines of msnp.md §7.3 (an MSNP7 SYN dump) and §9-§11 applied in order, as the
 * notification server sends them.
 */
class ListStateTest {

	@Test
	void appliesAnMsnp7SyncDumpAndLaterChanges() {
		ListState state = new ListState(0, true);
		apply(state, "SYN 6 12", "GTC 6 12 A", "BLP 6 12 AL", "PRP 6 12 PHH 555%200100", "PRP 6 12 MOB Y",
				"LSG 6 12 1 2 0 Other%20Contacts 0", "LSG 6 12 2 2 3 Work 0",
				"LST 6 FL 12 1 2 bob@example.com Bob%20B. 0,3", "BPR 12 bob@example.com PHH 555%200199",
				"BPR 12 bob@example.com PHW", "BPR 12 bob@example.com PHM", "BPR 12 bob@example.com MOB N",
				"LST 6 FL 12 2 2 carol@example.com Carol 0", "LST 6 AL 12 1 1 bob@example.com Bob%20B.",
				"LST 6 BL 12 0 0", "LST 6 RL 12 1 1 bob@example.com Bob%20B.");
		ContactList lists = state.snapshot();
		assertThat(lists.version()).isEqualTo(12);
		assertThat(lists.gtc()).isEqualTo("A");
		assertThat(lists.blp()).isEqualTo("AL");
		assertThat(lists.phones()).containsEntry("PHH", "555 0100").containsEntry("MOB", "Y");
		assertThat(lists.groups()).containsEntry(0, "Other Contacts").containsEntry(3, "Work");
		assertThat(lists.list(ListType.FL)).containsExactly(
				new ContactList.Entry("bob@example.com", "Bob B.", List.of(0, 3)),
				new ContactList.Entry("carol@example.com", "Carol", List.of(0)));
		assertThat(lists.list(ListType.BL)).isEmpty();
		assertThat(lists.contactPhones().get("bob@example.com")).containsEntry("PHH", "555 0199")
			.containsEntry("MOB", "N")
			.doesNotContainKey("PHW");

		apply(state, "ADD 7 BL 13 dave@example.com dave@example.com", "ADD 0 RL 14 erin@example.com Erin",
				"REM 8 FL 15 bob@example.com 3", "REM 9 FL 16 carol@example.com", "REA 10 17 bob@example.com Bobby",
				"BLP 11 18 BL", "PRP 12 19 PHH", "RMG 13 20 3", "ADD 14 FL 21 frank@example.com Frank");
		lists = state.snapshot();
		assertThat(lists.version()).isEqualTo(21);
		assertThat(lists.contains(ListType.BL, "dave@example.com")).isTrue();
		assertThat(lists.find(ListType.RL, "erin@example.com")).map(ContactList.Entry::customName).contains("Erin");
		assertThat(lists.list(ListType.FL)).containsExactly(
				new ContactList.Entry("bob@example.com", "Bobby", List.of(0)),
				new ContactList.Entry("frank@example.com", "Frank", List.of(0)));
		assertThat(lists.find(ListType.AL, "bob@example.com")).map(ContactList.Entry::customName).contains("Bobby");
		assertThat(lists.blp()).isEqualTo("BL");
		assertThat(lists.phones()).doesNotContainKey("PHH");
		assertThat(lists.groups()).doesNotContainKey(3);
		assertThat(lists.contactPhones()).doesNotContainKey("carol@example.com");
	}

	@Test
	void aSecondDumpReplacesTheLists() {
		ListState state = new ListState(0, false);
		apply(state, "SYN 1 3", "LST 1 FL 3 1 1 bob@example.com Bob", "LST 1 RL 3 0 0");
		apply(state, "SYN 2 5", "LST 2 FL 5 0 0", "LST 2 RL 5 1 1 carol@example.com Carol");
		ContactList lists = state.snapshot();
		assertThat(lists.list(ListType.FL)).isEmpty();
		assertThat(lists.list(ListType.RL)).extracting(ContactList.Entry::handle).containsExactly("carol@example.com");
		assertThat(state.apply(Frame.line("ILN", 1, "NLN", "bob@example.com", "Bob"))).isFalse();
	}

	private static void apply(ListState state, String... lines) {
		for (String line : lines) {
			String[] parts = line.split(" ");
			Frame frame = Frame.of(parts[0], List.of(parts).subList(1, parts.length));
			assertThat(state.apply(frame)).as(line).isTrue();
		}
	}

}
