package org.butterfly.directory.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import org.butterfly.directory.notification.NotificationState;

public interface NotificationRepository extends JpaRepository<NotificationEntity, Long> {

	@Query("""
			select n from NotificationEntity n
			where n.accountId = :account and n.state = :pending and n.expiresAt > :now
			order by n.createdAt, n.id""")
	List<NotificationEntity> findPending(@Param("account") long accountId, @Param("now") Instant now,
			@Param("pending") NotificationState pending);

	/**
	 * Moves one notification from pending to delivered; the condition makes it happen at
	 * most once.
	 */
	@Modifying
	@Query("""
			update NotificationEntity n set n.state = :delivered, n.deliveredAt = :now
			where n.id = :id and n.state = :pending and n.expiresAt > :now""")
	int markDelivered(@Param("id") long id, @Param("now") Instant now, @Param("pending") NotificationState pending,
			@Param("delivered") NotificationState delivered);

	/**
	 * {@link #markDelivered} and the document in one statement, for a notification of
	 * this account only: the payload if this caller moved it to delivered, none
	 * otherwise.
	 */
	@Query(value = """
			update notification set state = 'DELIVERED', delivered_at = :now
			where id = :id and account_id = :account and state = 'PENDING' and expires_at > :now
			returning payload""", nativeQuery = true)
	List<String> claim(@Param("id") long id, @Param("account") long accountId, @Param("now") Instant now);

	@Modifying
	@Query("""
			update NotificationEntity n set n.state = :expired
			where n.state = :pending and n.expiresAt <= :now""")
	int expire(@Param("now") Instant now, @Param("pending") NotificationState pending,
			@Param("expired") NotificationState expired);

	/** How many notifications wait for their recipient's next sign-in (a gauge). */
	@Query("""
			select count(n) from NotificationEntity n
			where n.state = :pending and n.expiresAt > :now""")
	long countPending(@Param("now") Instant now, @Param("pending") NotificationState pending);

}
