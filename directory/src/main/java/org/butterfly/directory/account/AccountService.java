package org.butterfly.directory.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.butterfly.directory.WireText;
import org.butterfly.directory.contacts.ListEffect;
import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.AccountRepository;
import org.butterfly.directory.internal.ChangeSet;
import org.butterfly.directory.internal.ContactEntity;
import org.butterfly.directory.internal.ContactRepository;
import org.butterfly.directory.internal.GroupEntity;
import org.butterfly.directory.internal.GroupRepository;
import org.butterfly.directory.internal.OwnLists;
import org.butterfly.directory.internal.Transactions;
import org.butterfly.directory.privacy.Blp;

/**
 * Accounts: creation, look-up, admin changes, deletion and password checks.
 * <p>
 * Each method runs in one transaction. Changes that SYN transmits (friendly name, BLP,
 * GTC) move the list version by exactly one per call, under the account's row lock;
 * deletion locks the account and everyone who lists it, in id order, and moves each of
 * their versions once. Passwords are kept encrypted (for the MD5 sign-in) and as a bcrypt
 * hash (for any other login); neither leaves this class.
 */
public class AccountService {

	private static final Logger logger = LoggerFactory.getLogger(AccountService.class);

	/**
	 * Group 0 of a new account (msnp.md 10.1 POLICY: skips the MSNP7 client's own
	 * initialisation).
	 */
	public static final String FIRST_GROUP_NAME = "Other%20Contacts";

	private static final int MAX_PASSWORD_BYTES = 72;

	private final AccountRepository accounts;

	private final ContactRepository contacts;

	private final GroupRepository groups;

	private final Transactions transactions;

	private final PasswordVault vault;

	private final PasswordEncoder passwordHasher;

	private final Clock clock;

	private final PasswordVault.Sealed decoyCiphertext;

	private final String decoyHash;

	public AccountService(AccountRepository accounts, ContactRepository contacts, GroupRepository groups,
			Transactions transactions, PasswordVault vault, PasswordEncoder passwordHasher, Clock clock) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.groups = groups;
		this.transactions = transactions;
		this.vault = vault;
		this.passwordHasher = passwordHasher;
		this.clock = clock;
		// Unknown accounts are checked against these, so that they cost what known ones
		// cost.
		this.decoyCiphertext = vault.seal("decoy-password");
		this.decoyHash = passwordHasher.encode("decoy-password");
	}

	/**
	 * Creates an account with list version 0, BLP AL, GTC A, empty lists and group 0.
	 * @param request the e-mail address, password, optional friendly name and profile
	 * @return the account
	 * @throws AccountExistsException if the e-mail address is taken (in any case)
	 * @throws IllegalArgumentException if the address, password or name is not acceptable
	 */
	public Account create(NewAccount request) {
		String email = WireText.normalizeHandle(request.email());
		if (email == null) {
			throw new IllegalArgumentException("Not a valid e-mail address: " + request.email());
		}
		String friendlyName = (request.friendlyName() != null) ? request.friendlyName() : WireText.encode(email);
		requireName(friendlyName);
		Profile profile = (request.profile() != null) ? request.profile() : Profile.DEFAULT;
		PasswordVault.Sealed sealed = sealPassword(request.password());
		String hash = this.passwordHasher.encode(request.password());
		try {
			return this.transactions.write(() -> {
				if (this.accounts.existsByEmail(email)) {
					throw new AccountExistsException(email);
				}
				AccountEntity account = new AccountEntity(email, friendlyName, this.clock.instant());
				account.setPassword(sealed.keyId(), sealed.ciphertext(), hash);
				applyProfile(account, profile);
				this.accounts.save(account);
				this.groups.save(new GroupEntity(account.getId(), 0, FIRST_GROUP_NAME));
				return toAccount(account);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another request created the same address between the check and the insert.
			throw new AccountExistsException(email);
		}
	}

	/**
	 * Finds an account by e-mail address, in any case.
	 * @param email the address
	 * @return the account, if it exists
	 */
	public Optional<Account> find(String email) {
		String handle = email.toLowerCase(Locale.ROOT);
		return this.transactions.read(() -> this.accounts.findByEmail(handle).map(AccountService::toAccount));
	}

	/**
	 * Finds many accounts by e-mail address at once, e.g. the recipients of a broadcast:
	 * one query per 1,000 addresses instead of one each.
	 * @param emails the addresses, in any case
	 * @return the accounts that exist, by lower-case address, in the order given
	 */
	public Map<String, Account> findAll(Collection<String> emails) {
		List<String> handles = emails.stream().map((email) -> email.toLowerCase(Locale.ROOT)).distinct().toList();
		Map<String, AccountEntity> found = this.transactions.read(() -> this.accounts.findAllByEmail(handles));
		Map<String, Account> ordered = new LinkedHashMap<>();
		for (String handle : handles) {
			AccountEntity account = found.get(handle);
			if (account != null) {
				ordered.put(handle, toAccount(account));
			}
		}
		return ordered;
	}

	/**
	 * Finds an account by id.
	 * @param id the account id
	 * @return the account, if it exists
	 */
	public Optional<Account> find(long id) {
		return this.transactions.read(() -> this.accounts.findById(id).map(AccountService::toAccount));
	}

	/**
	 * Accounts whose e-mail address contains a fragment, ordered by address.
	 * @param emailFragment the fragment, in any case; empty for all accounts
	 * @param page the page, from 0
	 * @param size the page size, 1 to 1000
	 * @return the page
	 */
	public AccountPage search(String emailFragment, int page, int size) {
		if (page < 0 || size < 1 || size > 1000) {
			throw new IllegalArgumentException("Page " + page + " of size " + size + " is out of range");
		}
		String fragment = emailFragment.toLowerCase(Locale.ROOT);
		return this.transactions.read(() -> {
			Page<AccountEntity> found = this.accounts.findByEmailContaining(fragment,
					PageRequest.of(page, size, Sort.by("email")));
			return new AccountPage(found.map(AccountService::toAccount).getContent(), page, size,
					found.getTotalElements());
		});
	}

	/**
	 * Changes an account. A new friendly name, BLP or GTC moves the list version once in
	 * all and asks to re-evaluate the watchers' presence; a new password or profile does
	 * not move it. Setting the current BLP or GTC is not an error here.
	 * @param email the account
	 * @param update the changes
	 * @return the account after the change and the effects
	 * @throws AccountNotFoundException if the account does not exist
	 * @throws IllegalArgumentException if the name or password is not acceptable
	 */
	public AccountUpdated update(String email, AccountUpdate update) {
		String handle = email.toLowerCase(Locale.ROOT);
		if (update.friendlyName() != null) {
			requireName(update.friendlyName());
		}
		PasswordVault.Sealed sealed = (update.password() != null) ? sealPassword(update.password()) : null;
		String hash = (update.password() != null) ? this.passwordHasher.encode(update.password()) : null;
		return this.transactions.write(() -> {
			long id = this.accounts.findIdByEmail(handle).orElseThrow(() -> new AccountNotFoundException(handle));
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			AccountEntity account = change.locked(id);
			if (account == null) {
				throw new AccountNotFoundException(handle);
			}
			OwnLists lists = OwnLists.of(this.contacts.findEntries(id));
			boolean versionChanged = false;
			if (update.blp() != null && update.blp() != account.getBlp()) {
				Blp before = account.getBlp();
				account.setBlp(update.blp());
				change.modeChanged(account, lists, before);
				versionChanged = true;
			}
			if (update.friendlyName() != null && !update.friendlyName().equals(account.getFriendlyName())) {
				account.setFriendlyName(update.friendlyName());
				change.nameChanged(account, lists);
				versionChanged = true;
			}
			if (update.gtc() != null && update.gtc() != account.getGtc()) {
				account.setGtc(update.gtc());
				versionChanged = true;
			}
			if (sealed != null) {
				account.setPassword(sealed.keyId(), sealed.ciphertext(), hash);
			}
			if (update.profile() != null) {
				applyProfile(account, update.profile());
			}
			if (versionChanged) {
				change.bump(account);
			}
			else {
				account.touch(change.now());
			}
			List<ListEffect> effects = change.effects().stream().distinct().toList();
			return new AccountUpdated(toAccount(account), versionChanged, effects);
		});
	}

	/**
	 * Deletes an account: removes it from every list of every other account (each of
	 * those versions moves once), then the account with its own lists, groups and queued
	 * notifications.
	 * @param email the account
	 * @return the removals other accounts must be told about
	 * @throws AccountNotFoundException if the account does not exist
	 */
	public AccountDeleted delete(String email) {
		String handle = email.toLowerCase(Locale.ROOT);
		return this.transactions.write(() -> {
			long id = this.accounts.findIdByEmail(handle).orElseThrow(() -> new AccountNotFoundException(handle));
			ChangeSet change = new ChangeSet(this.accounts, this.clock.instant());
			TreeSet<Long> ids = new TreeSet<>(this.contacts.findOwnerIdsListing(id));
			ids.add(id);
			change.lock(ids);
			AccountEntity account = change.locked(id);
			if (account == null) {
				throw new AccountNotFoundException(handle);
			}
			// Nobody can list the account meanwhile: adding it would need its lock.
			List<ContactEntity> listings = new ArrayList<>(this.contacts.findByContactIdOrderByOwnerIdAscIdAsc(id));
			listings.removeIf((entry) -> entry.getOwnerId() == id);
			listings.sort(Comparator.comparingLong(ContactEntity::getOwnerId).thenComparing(ContactEntity::getList));
			for (ContactEntity entry : listings) {
				AccountEntity owner = change.locked(entry.getOwnerId());
				change
					.effect(new ListEffect.EntryRemoved(owner.getEmail(), entry.getList(), change.bump(owner), handle));
			}
			this.contacts.deleteAll(listings);
			this.accounts.delete(account);
			return new AccountDeleted(handle, change.effects());
		});
	}

	/**
	 * Checks an MD5 sign-in response (msnp.md 5.3): {@code md5hex(salt + password)},
	 * compared in constant time and without case. An unknown account costs the same work
	 * and fails.
	 * @param email the account
	 * @param salt the salt the server sent
	 * @param responseHex what the client answered
	 * @return whether the response is right
	 */
	public boolean verifyMd5(String email, String salt, String responseHex) {
		return signInMd5(email, salt, responseHex).isPresent();
	}

	/**
	 * An MD5 sign-in in one read (msnp.md 5.3): the account when the response is
	 * {@code md5hex(salt + password)}, compared in constant time and without case. An
	 * unknown account costs the same work and fails.
	 * @param email the account
	 * @param salt the salt the server sent
	 * @param responseHex what the client answered
	 * @return the account, if the response is right
	 */
	public Optional<Account> signInMd5(String email, String salt, String responseHex) {
		String handle = email.toLowerCase(Locale.ROOT);
		Optional<AccountEntity> entity = this.transactions.read(() -> this.accounts.findByEmail(handle));
		Optional<PasswordVault.Sealed> stored = entity
			.map((account) -> new PasswordVault.Sealed(account.getPasswordKeyId(), account.getPasswordCiphertext()));
		if (stored.isPresent() && !this.vault.canOpen(stored.get())) {
			// A key was dropped before its passwords were rotated (docs/adr/0109): the
			// account cannot sign in until the key is back among the previous keys.
			logger.error("The password of {} is sealed with key {}, which is not configured: add it to "
					+ "BUTTERFLY_PREVIOUS_SECRET_KEYS and run rotate-passwords", handle, stored.get().keyId());
			stored = Optional.empty();
		}
		String password = this.vault.open(stored.orElse(this.decoyCiphertext));
		byte[] expected = md5Hex(salt + password).getBytes(StandardCharsets.US_ASCII);
		byte[] given = responseHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		boolean right = MessageDigest.isEqual(expected, given) && stored.isPresent();
		return right ? entity.map(AccountService::toAccount) : Optional.empty();
	}

	/**
	 * Checks a plain password against the bcrypt hash, for logins other than MSNP. An
	 * unknown account costs the same work and fails.
	 * @param email the account
	 * @param password the password
	 * @return whether it is the account's password
	 */
	public boolean verifyPassword(String email, String password) {
		String handle = email.toLowerCase(Locale.ROOT);
		Optional<String> hash = this.transactions
			.read(() -> this.accounts.findByEmail(handle).map(AccountEntity::getPasswordHash));
		boolean matches = this.passwordHasher.matches(password, hash.orElse(this.decoyHash));
		return matches && hash.isPresent();
	}

	private PasswordVault.Sealed sealPassword(String password) {
		if (password == null || password.isEmpty()) {
			throw new IllegalArgumentException("The password is empty");
		}
		if (WireText.byteLength(password) > MAX_PASSWORD_BYTES) {
			throw new IllegalArgumentException("The password is longer than " + MAX_PASSWORD_BYTES + " bytes");
		}
		return this.vault.seal(password);
	}

	private static void requireName(String name) {
		if (!WireText.isToken(name) || WireText.byteLength(name) > WireText.MAX_NAME_BYTES) {
			throw new IllegalArgumentException(
					"A friendly name is URL-encoded printable ASCII of at most " + WireText.MAX_NAME_BYTES + " bytes");
		}
	}

	private static void applyProfile(AccountEntity account, Profile profile) {
		account.setFirstName(profile.firstName());
		account.setLastName(profile.lastName());
		account.setCity(profile.city());
		account.setState(profile.state());
		account.setCountry(profile.country());
		account.setSearchable(profile.searchable());
		account.setLcid(profile.lcid());
		account.setCountryCode(profile.countryCode());
		account.setPostalCode(profile.postalCode());
		account.setGender(profile.gender());
		account.setEmailEnabled(profile.emailEnabled());
		account.setVerified(profile.verified());
	}

	static Account toAccount(AccountEntity account) {
		Profile profile = new Profile(account.getFirstName(), account.getLastName(), account.getCity(),
				account.getState(), account.getCountry(), account.isSearchable(), account.getLcid(),
				account.getCountryCode(), account.getPostalCode(), account.getGender(), account.isEmailEnabled(),
				account.isVerified());
		return new Account(account.getId(), account.getEmail(), account.getFriendlyName(), Puid.of(account.getId()),
				account.getListVersion(), account.getBlp(), account.getGtc(), account.phoneBook(), profile,
				account.getCreatedAt(), account.getUpdatedAt());
	}

	private static String md5Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is missing from this JVM", ex);
		}
	}

}
