package org.butterfly.directory.paging;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Who may page whom, and the outbox (msnp.md 11.5). */
class PagingServiceTest extends DirectoryIntegrationTest {

	@Test
	void aContactWithADeviceAndPagingOnWhoAllowsTheSenderMayBePaged() {
		String bob = newAccount("bob");
		String alice = pageable("alice", bob);

		PageCheck check = this.paging.check(bob, alice.toUpperCase());

		long bobId = this.accounts.find(bob).orElseThrow().id();
		long aliceId = this.accounts.find(alice).orElseThrow().id();
		assertThat(check).isEqualTo(new PageCheck.Allowed(bobId, bob, aliceId, alice, 1033, "1%20(425)%20555-0142"));
	}

	@Test
	void everyMissingConditionRefusesWithItsReason() {
		String bob = newAccount("bob");
		assertThat(this.paging.check(bob, "nobody@example.com"))
			.isEqualTo(new PageCheck.Refused(PageRefusal.UNKNOWN_TARGET));

		String stranger = pageable("stranger", newAccount("other"));
		assertThat(this.paging.check(bob, stranger)).isEqualTo(new PageCheck.Refused(PageRefusal.NOT_ON_FORWARD_LIST));

		String notAllowing = newAccount("carol");
		this.lists.setMobileDevice(notAllowing, true);
		this.lists.setProperty(notAllowing, "MOB", "Y");
		this.lists.add(bob, ListType.FL, notAllowing, "carol");
		assertThat(this.paging.check(bob, notAllowing)).isEqualTo(new PageCheck.Refused(PageRefusal.NOT_ALLOWED));

		String blocking = pageable("dave", bob);
		this.lists.remove(blocking, ListType.AL, bob);
		this.lists.add(blocking, ListType.BL, bob, "bob");
		assertThat(this.paging.check(bob, blocking)).isEqualTo(new PageCheck.Refused(PageRefusal.BLOCKED));

		String noDevice = pageable("erin", bob);
		this.lists.setMobileDevice(noDevice, false);
		assertThat(this.paging.check(bob, noDevice)).isEqualTo(new PageCheck.Refused(PageRefusal.NO_DEVICE));

		String pagingOff = pageable("fay", bob);
		this.lists.setProperty(pagingOff, "MOB", "N");
		assertThat(this.paging.check(bob, pagingOff)).isEqualTo(new PageCheck.Refused(PageRefusal.PAGING_OFF));
	}

	@Test
	void theOutboxKeepsPagesUntilSentOnce() {
		String bob = newAccount("bob");
		String alice = pageable("alice", bob);
		PageCheck.Allowed allowed = (PageCheck.Allowed) this.paging.check(bob, alice);

		QueuedPage queued = this.paging.enqueue(allowed, "4255550100", "Call me back");

		assertThat(queued.state()).isEqualTo(PageState.PENDING);
		assertThat(queued.mobileNumber()).isEqualTo("1%20(425)%20555-0142");
		List<QueuedPage> pending = this.paging.pending(1000);
		assertThat(pending).extracting(QueuedPage::id).contains(queued.id());
		assertThat(this.paging.markSent(queued.id())).isTrue();
		assertThat(this.paging.markSent(queued.id())).isFalse();
		assertThat(this.paging.pending(1000)).extracting(QueuedPage::id).doesNotContain(queued.id());
		assertThatIllegalArgumentException().isThrownBy(() -> this.paging.enqueue(allowed, "12ab", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.paging.enqueue(allowed, null, "x".repeat(1665)));
	}

	/**
	 * An account with a device, paging on, a mobile number, and {@code sender} allowed.
	 */
	private String pageable(String name, String sender) {
		String handle = newAccount(name);
		this.lists.setMobileDevice(handle, true);
		this.lists.setProperty(handle, "PHM", "1%20(425)%20555-0142");
		this.lists.setProperty(handle, "MOB", "Y");
		this.lists.add(handle, ListType.AL, sender, "sender");
		this.lists.add(sender, ListType.FL, handle, name);
		return handle;
	}

}
