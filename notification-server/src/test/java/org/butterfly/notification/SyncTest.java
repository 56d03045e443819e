package org.butterfly.notification;

import org.butterfly.directory.contacts.ListType;
import org.butterfly.notification.support.NotificationServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every dialect signs in and synchronises in its own layout (msnp.md §7): the same
 * account data, six different dumps.
 */
class SyncTest extends NotificationServerTest {

	@ParameterizedTest
	@ValueSource(strings = { "msnp2", "msnp3", "msnp4", "msnp5", "msnp6", "msnp7" })
	void signInAndSync(String dialect) {
		transcript("/transcripts/sync/" + dialect + ".msnp", (variables) -> {
			String user = account("user", "User%20One");
			String contact = account("contact", "Contact%20C");
			this.lists.setProperty(user, "PHH", "1%20(425)%20555-0100");
			this.lists.setProperty(contact, "PHW", "1%20(425)%20555-0199");
			list(user, ListType.FL, contact, "Contact%20C");
			list(user, ListType.AL, contact, "Contact%20C");
			list(contact, ListType.FL, user, "User%20One");
			// on contact's AL, user may see contact's numbers (POLICY §11.2)
			list(contact, ListType.AL, user, "User%20One");
			int friends = this.lists.addGroup(user, "Friends").groupId();
			this.lists.add(user, ListType.FL, contact, "Contact%20C", friends);
			return variables.set("user", user).set("contact", contact).set("v", version(user));
		});
	}

	@Test
	void emptyListsAreOneLineEach() {
		transcript("/transcripts/sync/empty-lists.msnp", (variables) -> {
			String user = account("empty", null);
			return variables.set("user", user).set("name", this.accounts.find(user).orElseThrow().friendlyName());
		});
	}

}
