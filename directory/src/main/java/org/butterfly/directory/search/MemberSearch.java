package org.butterfly.directory.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.butterfly.directory.internal.Transactions;

/**
 * The member directory behind {@code FND} (msnp.md 11.8): searchable accounts only,
 * matched on the lower-case indexed copies of the profile fields. Reads one consistent
 * snapshot.
 * <p>
 * The result order (last name, first name, id) is the order of the name indexes (V5), so
 * a search that names a first or a last name reads at most {@code limit + 1} index
 * entries in order instead of sorting every match (docs/adr/0106).
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
		Statement statement = statement(criteria, limit + 1);
		return this.transactions.read(() -> {
			Query query = this.entityManager.createNativeQuery(statement.sql());
			for (int i = 0; i < statement.parameters().size(); i++) {
				query.setParameter(i + 1, statement.parameters().get(i));
			}
			List<Member> found = new ArrayList<>();
			for (Object row : query.getResultList()) {
				Object[] columns = (Object[]) row;
				found.add(new Member((String) columns[0], (String) columns[1], (String) columns[2], (String) columns[3],
						(String) columns[4], (String) columns[5]));
			}
			boolean tooMany = found.size() > limit;
			return new SearchResult(tooMany ? found.subList(0, limit) : found, tooMany);
		});
	}

	/**
	 * The SQL of a search, with its positional parameters: what {@link #search} runs, and
	 * what a test can {@code EXPLAIN}.
	 * @param criteria what to match
	 * @param rows the most rows read
	 * @return the statement
	 */
	public static Statement statement(SearchCriteria criteria, int rows) {
		Map<String, String> conditions = new LinkedHashMap<>();
		conditions.put("first_name_key", criteria.firstName());
		conditions.put("last_name_key", criteria.lastName());
		conditions.put("city_key", criteria.city());
		conditions.put("state_key", criteria.state());
		conditions.put("country_key", criteria.country());
		conditions.values().removeIf((value) -> value == null);
		StringBuilder sql = new StringBuilder(
				"select email, first_name, last_name, city, state, country from account where searchable");
		conditions.keySet().forEach((column) -> sql.append(" and ").append(column).append(" = ?"));
		sql.append(" order by last_name_key, first_name_key, id limit ").append(rows);
		return new Statement(sql.toString(), List.copyOf(conditions.values()));
	}

	/**
	 * A search as SQL.
	 *
	 * @param sql the statement, with {@code ?} parameters
	 * @param parameters the parameter values, in order
	 */
	public record Statement(String sql, List<String> parameters) {
	}

}
