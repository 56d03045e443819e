package org.butterfly.directory.search;

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

	private String member(String first, String last, String city, String state, String country, boolean searchable) {
		String handle = newAccount(first.toLowerCase());
		this.accounts.update(handle, AccountUpdate.NONE.withProfile(
				new Profile(first, last, city, state, country, searchable, 1033, null, null, null, false, true)));
		return handle;
	}

}
