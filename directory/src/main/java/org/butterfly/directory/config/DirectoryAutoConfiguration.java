package org.butterfly.directory.config;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.PasswordVault;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.ContactRepository;
import org.butterfly.directory.internal.GroupRepository;
import org.butterfly.directory.internal.NotificationRepository;
import org.butterfly.directory.internal.PageRepository;
import org.butterfly.directory.internal.Transactions;
import org.butterfly.directory.mail.MailOutbox;
import org.butterfly.directory.notification.NotificationService;
import org.butterfly.directory.paging.PagingService;
import org.butterfly.directory.privacy.VisibilityService;
import org.butterfly.directory.search.MemberSearch;

/**
 * Wires the directory into an application that has a {@link DataSource}: its entities and
 * repositories, the schema step ({@code butterfly.directory.schema}) and the services.
 * <p>
 * The entity and repository package is added to the auto-configuration packages rather
 * than declared with {@code @EntityScan}/{@code @EnableJpaRepositories}, which would
 * replace the application's own scanning. A {@link Clock} bean, if the application has
 * one, is used for timestamps and expiry.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		beforeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@ConditionalOnBean(DataSource.class)
@AutoConfigurationPackage(basePackageClasses = AccountEntity.class)
@EnableConfigurationProperties(DirectoryProperties.class)
public class DirectoryAutoConfiguration {

	/**
	 * The property holding the secret that encrypts passwords (environment
	 * {@code BUTTERFLY_SECRET_KEY}).
	 */
	public static final String SECRET_KEY_PROPERTY = "butterfly.secret-key";

	private static final Logger logger = LoggerFactory.getLogger(DirectoryAutoConfiguration.class);

	@Bean
	DirectorySchemaInitializer directorySchemaInitializer(DataSource dataSource, DirectoryProperties properties) {
		return new DirectorySchemaInitializer(dataSource, properties.schema());
	}

	@Bean
	Transactions directoryTransactions(PlatformTransactionManager transactionManager) {
		return new Transactions(transactionManager);
	}

	@Bean
	PasswordVault directoryPasswordVault(Environment environment, DirectoryProperties properties) {
		String secret = environment.getProperty(SECRET_KEY_PROPERTY);
		if (secret == null || secret.isBlank()) {
			logger.warn("{} (BUTTERFLY_SECRET_KEY) is not set: passwords are encrypted with the built-in development "
					+ "key, which is public", SECRET_KEY_PROPERTY);
			return PasswordVault.of(PasswordVault.DEVELOPMENT_SECRET, properties.previousSecretKeys());
		}
		return PasswordVault.withDevelopmentKey(secret, properties.previousSecretKeys());
	}

	@Bean
	AccountService accountService(AccountRepository accounts, ContactRepository contacts, GroupRepository groups,
			Transactions directoryTransactions, PasswordVault directoryPasswordVault, DirectoryProperties properties,
			ObjectProvider<Clock> clock) {
		return new AccountService(accounts, contacts, groups, directoryTransactions, directoryPasswordVault,
				new BCryptPasswordEncoder(properties.bcryptStrength()), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	ListService listService(AccountRepository accounts, ContactRepository contacts, GroupRepository groups,
			Transactions directoryTransactions, DirectoryProperties properties, ObjectProvider<Clock> clock) {
		return new ListService(accounts, contacts, groups, directoryTransactions, properties.listRules(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	VisibilityService visibilityService(AccountRepository accounts, ContactRepository contacts,
			Transactions directoryTransactions) {
		return new VisibilityService(accounts, contacts, directoryTransactions);
	}

	@Bean
	NotificationService notificationService(AccountRepository accounts, NotificationRepository notifications,
			Transactions directoryTransactions, DirectoryProperties properties, ObjectProvider<Clock> clock) {
		return new NotificationService(accounts, notifications, directoryTransactions, properties.notificationExpiry(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	PagingService pagingService(AccountRepository accounts, ContactRepository contacts, PageRepository pages,
			Transactions directoryTransactions, ObjectProvider<Clock> clock) {
		return new PagingService(accounts, contacts, pages, directoryTransactions,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	MailOutbox mailOutbox(DataSource dataSource, Transactions directoryTransactions, ObjectProvider<Clock> clock) {
		return new MailOutbox(dataSource, directoryTransactions, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	MemberSearch memberSearch(EntityManagerFactory entityManagerFactory, Transactions directoryTransactions) {
		return new MemberSearch(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
				directoryTransactions);
	}

}
