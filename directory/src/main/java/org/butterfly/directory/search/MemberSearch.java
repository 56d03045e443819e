package org.butterfly.directory.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.butterfly.directory.internal.AccountEntity;
import org.butterfly.directory.internal.Transactions;

/**
 * The member directory behind {@code FND} (msnp.md 11.8): searchable accounts only,
 * matched on the lower-case indexed copies of the profile fields. Reads one consistent
 * snapshot.
 */
public class MemberSearch {

	private final EntityManager entityManager;

	private final Transactions transactions;

	public MemberSearch(EntityManager entityManager, Transactions transactions) {
		this.entityManager = entityManager;
		this.transactions = transactions;
	}

	/**
	 * Searches the directory, reading at most {@code limit + 1} rows to tell whether
	 * there are too many.
	 * @param criteria what to match
	 * @param limit the most hits wanted, at least 1
	 * @return the hits, and whether more matched
	 */
	public SearchResult search(SearchCriteria criteria, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("The limit must be positive");
		}
		Map<String, String> conditions = new LinkedHashMap<>();
		conditions.put("firstNameKey", criteria.firstName());
		conditions.put("lastNameKey", criteria.lastName());
		conditions.put("cityKey", criteria.city());
		conditions.put("stateKey", criteria.state());
		conditions.put("countryKey", criteria.country());
		conditions.values().removeIf((value) -> value == null);
		StringBuilder jpql = new StringBuilder("select a from AccountEntity a where a.searchable = true");
		conditions.keySet().forEach((field) -> jpql.append(" and a.").append(field).append(" = :").append(field));
		jpql.append(" order by a.lastNameKey, a.firstNameKey, a.id");
		return this.transactions.read(() -> {
			TypedQuery<AccountEntity> query = this.entityManager.createQuery(jpql.toString(), AccountEntity.class);
			conditions.forEach(query::setParameter);
			List<Member> found = query.setMaxResults(limit + 1)
				.getResultList()
				.stream()
				.map((account) -> new Member(account.getEmail(), account.getFirstName(), account.getLastName(),
						account.getCity(), account.getState(), account.getCountry()))
				.toList();
			boolean tooMany = found.size() > limit;
			return new SearchResult(tooMany ? found.subList(0, limit) : found, tooMany);
		});
	}

}
