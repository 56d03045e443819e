package org.butterfly.directory.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<AccountEntity, Long> {

	Optional<AccountEntity> findByEmail(String email);

	/** The accounts among {@code emails} (lower case) that exist, in no order. */
	List<AccountEntity> findByEmailIn(Collection<String> emails);

	/**
	 * {@link #findByEmailIn} for any number of addresses: one query per 1,000, well
	 * within PostgreSQL's bind limits.
	 * @param emails lower-case addresses
	 * @return the accounts that exist, by address
	 */
	default Map<String, AccountEntity> findAllByEmail(List<String> emails) {
		Map<String, AccountEntity> found = new HashMap<>();
		for (int from = 0; from < emails.size(); from += 1000) {
			findByEmailIn(emails.subList(from, Math.min(emails.size(), from + 1000)))
				.forEach((account) -> found.put(account.getEmail(), account));
		}
		return found;
	}

	boolean existsByEmail(String email);

	/**
	 * The id only, so that nothing enters the persistence context before
	 * {@link #lockAll}.
	 */
	@Query("select a.id from AccountEntity a where a.email = :email")
	Optional<Long> findIdByEmail(@Param("email") String email);

	/**
	 * Locks and loads the accounts in id order, the one order every writer uses, so that
	 * writers never deadlock on each other. Must be the first load of these accounts in
	 * the transaction.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from AccountEntity a where a.id in :ids order by a.id")
	List<AccountEntity> lockAll(@Param("ids") Collection<Long> ids);

	/**
	 * {@link #lockAll} by handle for one or two accounts, saving the id look-up. Two
	 * plain parameters rather than a collection, so Hibernate can cache the query's
	 * translation.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from AccountEntity a where a.email = :one or a.email = :other order by a.id")
	List<AccountEntity> lockByEmail(@Param("one") String one, @Param("other") String other);

	Page<AccountEntity> findByEmailContaining(String fragment, Pageable pageable);

}
