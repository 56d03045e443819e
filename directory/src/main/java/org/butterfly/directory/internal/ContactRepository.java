package org.butterfly.directory.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import org.butterfly.directory.contacts.ListType;
import org.butterfly.directory.privacy.Standing;

public interface ContactRepository extends JpaRepository<ContactEntity, Long> {

	/** Every entry of one owner about one contact, on any list. */
	List<ContactEntity> findByOwnerIdAndContactId(long ownerId, long contactId);

	/** Every entry of either account about the other, on any list. */
	@Query("""
			select c from ContactEntity c
			where (c.ownerId = :one and c.contactId = :other) or (c.ownerId = :other and c.contactId = :one)""")
	List<ContactEntity> findBetween(@Param("one") long oneId, @Param("other") long otherId);

	List<ContactEntity> findByOwnerIdAndListOrderById(long ownerId, ListType list);

	long countByOwnerIdAndList(long ownerId, ListType list);

	/** Every entry, on anyone's lists, about one account. */
	List<ContactEntity> findByContactIdOrderByOwnerIdAscIdAsc(long contactId);

	/** All lists of one owner with the listed accounts, in insertion order. */
	@Query("""
			select new org.butterfly.directory.internal.EntryRow(c.list, c.contactId, a.email, c.name, c.groupMask,
				a.friendlyName, a.blp, a.phoneHome, a.phoneWork, a.phoneMobile, a.mobilePaging, a.mobileDevice)
			from ContactEntity c join AccountEntity a on a.id = c.contactId
			where c.ownerId = :owner
			order by c.id""")
	List<EntryRow> findEntries(@Param("owner") long ownerId);

	/**
	 * The owner's RL in order, each entry with the owner's BLP and its AL and BL entries
	 * for that watcher: everything a status change needs, in one query.
	 */
	@Query("""
			select new org.butterfly.directory.internal.WatcherRow(w.email, o.blp, allow.id, block.id)
			from ContactEntity r
				join AccountEntity o on o.id = r.ownerId
				join AccountEntity w on w.id = r.contactId
				left join ContactEntity allow on allow.ownerId = r.ownerId and allow.contactId = r.contactId
					and allow.list = :allowList
				left join ContactEntity block on block.ownerId = r.ownerId and block.contactId = r.contactId
					and block.list = :blockList
			where o.email = :owner and r.list = :reverseList
			order by r.id""")
	List<WatcherRow> findWatchers(@Param("owner") String ownerEmail, @Param("reverseList") ListType reverseList,
			@Param("allowList") ListType allowList, @Param("blockList") ListType blockList);

	/**
	 * Where a watcher stands on the given lists of the accounts on its FL: its AL/BL
	 * entries there.
	 */
	@Query("""
			select new org.butterfly.directory.internal.ListingRow(c.ownerId, c.list)
			from ContactEntity c
			where c.contactId = :watcher and c.list in :lists
				and c.ownerId in (select f.contactId from ContactEntity f where f.ownerId = :watcher and f.list = :forward)""")
	List<ListingRow> findListingsByForwardContacts(@Param("watcher") long watcherId,
			@Param("lists") Collection<ListType> lists, @Param("forward") ListType forward);

	/**
	 * How a watcher stands on the AL/BL of each account on its FL.
	 * @param watcherId the watcher
	 * @return by FL contact id; a contact missing from the map lists the watcher on
	 * neither list
	 */
	default Map<Long, Standing> findStandingsOnForwardContacts(long watcherId) {
		Map<Long, Set<ListType>> listings = new HashMap<>();
		for (ListingRow row : findListingsByForwardContacts(watcherId, List.of(ListType.AL, ListType.BL),
				ListType.FL)) {
			listings.computeIfAbsent(row.ownerId(), (id) -> EnumSet.noneOf(ListType.class)).add(row.list());
		}
		Map<Long, Standing> standings = new HashMap<>();
		listings.forEach((owner, lists) -> standings.put(owner,
				new Standing(lists.contains(ListType.AL), lists.contains(ListType.BL))));
		return standings;
	}

	/**
	 * The owners who list an account anywhere, for locking before the account is deleted.
	 */
	@Query("select distinct c.ownerId from ContactEntity c where c.contactId = :contact")
	List<Long> findOwnerIdsListing(@Param("contact") long contactId);

}
