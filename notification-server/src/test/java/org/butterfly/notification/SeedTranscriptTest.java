package org.butterfly.notification;

import java.nio.charset.StandardCharsets;

import org.butterfly.directory.account.Account;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.notification.notices.NoticeDelivery;
import org.butterfly.notification.support.NotificationServerTest;
import org.butterfly.protocol.reply.NotificationDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The first golden transcript every implementation must pass: msnp.md §18 Example 0. */
class SeedTranscriptTest extends NotificationServerTest {

	@Autowired
	NoticeDelivery notices;

	@Test
	void example0() {
		transcript("/transcripts/seed/example-0.msnp", (variables) -> {
			String example = account("example", "example%20user");
			String another = account("another", "another%20user");
			list(example, ListType.FL, another, "another%20user");
			list(example, ListType.AL, another, "another%20user");
			this.lists.setProperty(another, "PHH", "1%20(222)%203333");
			list(another, ListType.FL, example, "example%20user");
			list(another, ListType.AL, example, "example%20user");
			Account account = this.accounts.find(example).orElseThrow();
			String document = new NotificationDocument(1, "111100000", "http://alerts.example.net/",
					NotificationDocument.pid(account.puid().high(), account.puid().low()), example, 1,
					"alerts/show?item=42", "alerts/manage", 1033, "Your order #42 has shipped.")
				.toXml();
			this.notices.push(example, document);
			long v = account.listVersion();
			return variables.set("example", example)
				.set("another", another)
				.set("memberIdLow", account.puid().low())
				.set("cached", v - 1)
				.versions("v", v, 3)
				// example's own PRP moves another's version too: another sees example's
				// phones
				.set("anotherNext", version(another) + 2)
				.set("notLength", document.getBytes(StandardCharsets.UTF_8).length);
		});
	}

}
