package org.butterfly.directory.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.butterfly.testdb.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.contacts.ListError;
import org.butterfly.directory.contacts.ListException;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.ContactRepository;
import org.butterfly.directory.internal.GroupRepository;
import org.butterfly.directory.internal.NotificationRepository;
import org.butterfly.directory.internal.Transactions;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.directory.paging.PagingService;
import org.butterfly.directory.privacy.VisibilityService;
import org.butterfly.directory.search.MemberSearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Base of the tests against a real PostgreSQL: one fresh database and one application
 * context shared by every subclass (the schema is migrated by the context, as the one
 * migrating process would). Tests create their own accounts, so they never see each
 * other's data.
 */
@SpringBootTest(classes = DirectoryTestApplication.class)
public abstract class DirectoryIntegrationTest {

	protected static final TestDatabase database = TestDatabase.create();

	private static final AtomicInteger accountNumbers = new AtomicInteger();

	@Autowired
	protected AccountService accounts;

	@Autowired
	protected ListService lists;

	@Autowired
	protected VisibilityService visibility;

	@Autowired
	protected NotificationService notifications;

	@Autowired
	protected MemberSearch memberSearch;

	@Autowired
	protected PagingService paging;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected AccountRepository accountRepository;

	@Autowired
	protected ContactRepository contactRepository;

	@Autowired
	protected GroupRepository groupRepository;

	@Autowired
	protected NotificationRepository notificationRepository;

	@Autowired
	protected Transactions transactions;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "12");
		registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
		registry.add("butterfly.directory.schema", () -> "migrate");
		registry.add("butterfly.directory.bcrypt-strength", () -> "4");
	}

	/**
	 * Creates an account with a unique handle.
	 * @param name what the handle starts with
	 * @return the handle
	 */
	protected String newAccount(String name) {
		String email = name + "-" + accountNumbers.incrementAndGet() + "@example.com";
		this.accounts.create(NewAccount.of(email, "secret-" + name));
		return email;
	}

	protected long version(String email) {
		return this.accounts.find(email).orElseThrow().listVersion();
	}

	/**
	 * Runs a command that must be refused, and checks it changed no version.
	 * @param error the expected error
	 * @param command the command
	 * @param involved accounts whose versions must not move
	 */
	protected void assertRefused(ListError error, ThrowingCallable command, String... involved) {
		long[] before = new long[involved.length];
		for (int i = 0; i < involved.length; i++) {
			before[i] = version(involved[i]);
		}
		ListException refused = catchThrowableOfType(ListException.class, command);
		assertThat(refused).as("expected %s", error).isNotNull();
		assertThat(refused.error()).isEqualTo(error);
		for (int i = 0; i < involved.length; i++) {
			assertThat(version(involved[i])).as("version of %s", involved[i]).isEqualTo(before[i]);
		}
	}

}
