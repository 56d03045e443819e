package org.butterfly.directory.paging;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.ContactEntity;
import org.butterfly.directory.internal.ContactRepository;
import org.butterfly.directory.internal.PageEntity;
import org.butterfly.directory.internal.PageRepository;
import org.butterfly.directory.internal.Transactions;
import org.butterfly.directory.privacy.PhoneBook;
import org.butterfly.directory.privacy.Privacy;
import org.butterfly.directory.privacy.Standing;

import org.springframework.data.domain.PageRequest;

/**
 * Pages to a contact's mobile device (msnp.md 11.5): who may page whom, and the outbox
 * the default pager gateway writes for an SMS gateway to drain.
 * <p>
 * A page may go out when the target exists, is on the sender's FL, has a registered
 * device ({@code MBE Y}) and accepts pages ({@code MOB Y}), and the sender sees that
 * {@code MOB}: on the target's AL and not on its BL ({@link Privacy#seesPhones}).
 */
public class PagingService {

	/** The longest message kept: the largest payload a client may send. */
	public static final int MAX_MESSAGE_LENGTH = 1664;

	private final AccountRepository accounts;

	private final ContactRepository contacts;

	private final PageRepository pages;

	private final Transactions transactions;

	private final Clock clock;

	public PagingService(AccountRepository accounts, ContactRepository contacts, PageRepository pages,
			Transactions transactions, Clock clock) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.pages = pages;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Decides whether {@code sender} may page {@code target} now.
	 * @param sender the sender's handle (an existing account)
	 * @param target the target's handle as the client sent it
	 * @return the decision
	 */
	public PageCheck check(String sender, String target) {
		return this.transactions.read(() -> {
			Optional<AccountEntity> to = this.accounts.findByEmail(target.toLowerCase(Locale.ROOT));
			Optional<AccountEntity> from = this.accounts.findByEmail(sender.toLowerCase(Locale.ROOT));
			if (to.isEmpty() || from.isEmpty()) {
				return new PageCheck.Refused(PageRefusal.UNKNOWN_TARGET);
			}
			long senderId = from.get().getId();
			long targetId = to.get().getId();
			boolean onForwardList = this.contacts.findByOwnerIdAndContactId(senderId, targetId)
				.stream()
				.anyMatch((entry) -> entry.getList() == ListType.FL);
			if (!onForwardList) {
				return new PageCheck.Refused(PageRefusal.NOT_ON_FORWARD_LIST);
			}
			List<ContactEntity> standing = this.contacts.findByOwnerIdAndContactId(targetId, senderId);
			Standing sendersStanding = new Standing(
					standing.stream().anyMatch((entry) -> entry.getList() == ListType.AL),
					standing.stream().anyMatch((entry) -> entry.getList() == ListType.BL));
			PhoneBook phones = to.get().phoneBook();
			PageRefusal refusal = refusal(sendersStanding, phones);
			if (refusal != null) {
				return new PageCheck.Refused(refusal);
			}
			return new PageCheck.Allowed(senderId, from.get().getEmail(), targetId, to.get().getEmail(),
					to.get().getLcid(), phones.mobile());
		});
	}

	private static PageRefusal refusal(Standing sender, PhoneBook target) {
		if (sender.blocked()) {
			return PageRefusal.BLOCKED;
		}
		if (!Privacy.seesPhones(sender)) {
			return PageRefusal.NOT_ALLOWED;
		}
		if (!target.mobileDevice()) {
			return PageRefusal.NO_DEVICE;
		}
		return target.mobilePaging() ? null : PageRefusal.PAGING_OFF;
	}

	/**
	 * Puts an allowed page in the outbox.
	 * @param page the check that allowed it
	 * @param callbackNumber the call-back number (digits, at most 32), or {@code null}
	 * @param message the plain text, at most {@value #MAX_MESSAGE_LENGTH} characters
	 * @return the queued page
	 */
	public QueuedPage enqueue(PageCheck.Allowed page, String callbackNumber, String message) {
		if (message == null || message.length() > MAX_MESSAGE_LENGTH) {
			throw new IllegalArgumentException("A page message is 0 to " + MAX_MESSAGE_LENGTH + " characters");
		}
		if (callbackNumber != null && !callbackNumber.matches("[0-9]{1,32}")) {
			throw new IllegalArgumentException("A call-back number is 1 to 32 digits");
		}
		return this.transactions.write(() -> toQueued(this.pages.save(new PageEntity(page.senderId(), page.targetId(),
				page.mobileNumber(), callbackNumber, message, this.clock.instant()))));
	}

	/**
	 * The oldest pending pages, for an SMS gateway.
	 * @param limit the most pages returned
	 * @return the pages, oldest first
	 */
	public List<QueuedPage> pending(int limit) {
		return this.transactions.read(() -> this.pages.findPending(PageState.PENDING, PageRequest.of(0, limit))
			.stream()
			.map(PagingService::toQueued)
			.toList());
	}

	/**
	 * Marks a pending page sent. Of several concurrent callers exactly one wins.
	 * @param id the page
	 * @return {@code true} for the caller that sent it
	 */
	public boolean markSent(long id) {
		return this.transactions
			.write(() -> this.pages.markSent(id, this.clock.instant(), PageState.PENDING, PageState.SENT) == 1);
	}

	private static QueuedPage toQueued(PageEntity entity) {
		return new QueuedPage(entity.getId(), entity.getSenderId(), entity.getTargetId(), entity.getMobileNumber(),
				entity.getCallbackNumber(), entity.getMessage(), entity.getState(), entity.getCreatedAt(),
				Optional.ofNullable(entity.getSentAt()));
	}

}
