package org.butterfly.directory.internal;

import java.time.Instant;
import java.util.List;

import org.butterfly.directory.paging.PageState;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PageRepository extends JpaRepository<PageEntity, Long> {

	@Query("select p from PageEntity p where p.state = :pending order by p.createdAt, p.id")
	List<PageEntity> findPending(@Param("pending") PageState pending, Pageable page);

	/**
	 * Moves one page from pending to sent; the condition makes it happen at most once.
	 */
	@Modifying
	@Query("update PageEntity p set p.state = :sent, p.sentAt = :now where p.id = :id and p.state = :pending")
	int markSent(@Param("id") long id, @Param("now") Instant now, @Param("pending") PageState pending,
			@Param("sent") PageState sent);

}
