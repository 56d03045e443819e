package org.butterfly.directory.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.butterfly.directory.account.AccountUpdate;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The member directory behind {@code FND} (msnp.md 11.8). */
class MemberSearchTest extends DirectoryIntegrationTest {

	@Test
	void searchMatchesSearchableAccountsWithoutCaseAndWithWildcards() {
		String ada = member("Ada", "Quartermain", "Springfield", "IL", "US", true);
		String bob = member("Bob", "Quartermain", "Shelbyville", "IL", "US", true);
		member("Cy", "Quartermain", "Springfield", "IL", "US", false);

		assertThat(this.memberSearch.search(new SearchCriteria("*", "quartermain", "*", "*", "*"), 10).members())
			.extracting(Member::handle)
			.containsExactly(ada, bob);
		assertThat(this.memberSearch.search(new SearchCriteria("ADA", "Quartermain", null, null, "us"), 10)).isEqualTo(
				new SearchResult(java.util.List.of(new Member(ada, "Ada", "Quartermain", "Springfield", "IL", "US")),
						false));
		assertThat(
				this.memberSearch.search(new SearchCriteria("*", "Quartermain", "springfield", "*", "*"), 10).members())
			.extracting(Member::handle)
			.containsExactly(ada);
		assertThat(this.memberSearch.search(new SearchCriteria("Ada", "Nobody", "*", "*", "*"), 10).members())
			.isEmpty();
	}

	@Test
	void oneRowMoreThanTheLimitTellsThereAreTooMany() {
		for (int i = 0; i < 3; i++) {
			member("Zed" + i, "Manyfold", "Paris", null, "FR", true);
		}

		SearchResult limited = this.memberSearch.search(new SearchCriteria(null, "Manyfold", null, null, null), 2);
		SearchResult exact = this.memberSearch.search(new SearchCriteria(null, "Manyfold", null, null, null), 3);

		assertThat(limited.members()).hasSize(2);
		assertThat(limited.tooMany()).isTrue();
		assertThat(exact.members()).hasSize(3);
		assertThat(exact.tooMany()).isFalse();
	}

	/**
	 * With enough rows for the planner to prefer indexes, a search by last name, by first
	 * name, or by both with a place reads a name index, never the table; a common name
	 * (thousands of matches) is read in result order and stops after the limit: no sort
	 * of every match (V5, docs/adr/0106).
	 */
	@Test
	void searchesByNameUseTheNameIndexes() throws SQLException {
		String run = Long.toString(System.nanoTime());
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into account (email, friendly_name, password_key_id, password_ciphertext, password_hash,
						first_name, last_name, city, state, country, searchable, created_at, updated_at)
					select 'bulk-%s-' || i || '@example.com', 'x', 'k', '\\x00', 'h',
						case when i %% 8 = 1 then 'Popular' else 'First' || (i %% 500) end,
						case when i %% 4 = 0 then 'Common' else 'Last' || (i %% 2000) end,
						'City' || (i %% 50), 'WA', 'US', i %% 10 <> 5, now(), now()
					from generate_series(1, 40000) as i""".formatted(run));
			statement.execute("analyze account");
			assertPlan(connection, new SearchCriteria("*", "last77", "*", "*", "*"), "account_directory_name", false);
			assertPlan(connection, new SearchCriteria("first12", "*", "*", "*", "*"), "account_directory_first_name",
					false);
			assertPlan(connection, new SearchCriteria("first12", "last12", "city12", "wa", "us"), "account_directory_",
					false);
			assertPlan(connection, new SearchCriteria("*", "common", "*", "*", "us"), "account_directory_name", true);
			assertPlan(connection, new SearchCriteria("popular", "*", "*", "*", "*"), "account_directory_first_name",
					true);
		}
		SearchResult common = this.memberSearch.search(new SearchCriteria(null, "COMMON", null, null, "US"), 5);
		assertThat(common.members()).hasSize(5)
			.allSatisfy((member) -> assertThat(member.lastName()).isEqualTo("Common"));
		assertThat(common.tooMany()).isTrue();
	}

	private static void assertPlan(Connection connection, SearchCriteria criteria, String index, boolean inOrder)
			throws SQLException {
		MemberSearch.Statement search = MemberSearch.statement(criteria, 101);
		StringBuilder plan = new StringBuilder();
		try (PreparedStatement explain = connection.prepareStatement("explain " + search.sql())) {
			for (int i = 0; i < search.parameters().size(); i++) {
				explain.setString(i + 1, search.parameters().get(i));
			}
			try (ResultSet rows = explain.executeQuery()) {
				while (rows.next()) {
					plan.append(rows.getString(1)).append('\n');
				}
			}
		}
		assertThat(plan.toString()).as("plan of %s", criteria).contains(index).doesNotContain("Seq Scan");
		if (inOrder) {
			assertThat(plan.toString()).as("plan of %s", criteria)
				.contains("Index Scan using " + index)
				.doesNotContain("Sort");
		}
	}

	private String member(String first, String last, String city, String state, String country, boolean searchable) {
		String handle = newAccount(first.toLowerCase());
		this.accounts.update(handle, AccountUpdate.NONE.withProfile(
				new Profile(first, last, city, state, country, searchable, 1033, null, null, null, false, true)));
		return handle;
	}

}
