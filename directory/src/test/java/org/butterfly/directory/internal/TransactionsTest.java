package org.butterfly.directory.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import org.butterfly.directory.support.DirectoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each kind of unit of work runs as, asked of PostgreSQL itself: a snapshot is one
 * REPEATABLE READ transaction, a read runs in autocommit at read committed, and the
 * pooled connection keeps no trace of either.
 */
class TransactionsTest extends DirectoryIntegrationTest {

	@PersistenceContext
	EntityManager entityManager;

	@Test
	void aSnapshotIsOneRepeatableReadTransaction() {
		String[] seen = this.transactions.snapshot(() -> new String[] { show("transaction_isolation"),
				show("transaction_read_only"), transactionId(), transactionId() });

		assertThat(seen[0]).isEqualTo("repeatable read");
		assertThat(seen[1]).isEqualTo("on");
		assertThat(seen[2]).as("both statements in one transaction").isEqualTo(seen[3]);
	}

	@Test
	void aReadRunsEachStatementInAutocommitAtReadCommitted() {
		this.transactions.snapshot(() -> show("transaction_isolation"));

		String[] seen = this.transactions
			.read(() -> new String[] { show("transaction_isolation"), transactionId(), transactionId() });

		assertThat(seen[0]).as("nothing left over from a snapshot").isEqualTo("read committed");
		assertThat(seen[1]).as("each statement a transaction of its own").isNotEqualTo(seen[2]);
	}

	@Test
	void aSnapshotInsideAWriteJoinsIt() {
		String[] seen = this.transactions.write(() -> {
			String outer = transactionId();
			return new String[] { outer, this.transactions.snapshot(this::transactionId) };
		});

		assertThat(seen[1]).isEqualTo(seen[0]);
	}

	private String show(String setting) {
		return String.valueOf(this.entityManager.createNativeQuery("SHOW " + setting).getSingleResult());
	}

	/**
	 * The current transaction's id: pg_current_xact_id() assigns one even when reading.
	 */
	private String transactionId() {
		return String
			.valueOf(this.entityManager.createNativeQuery("SELECT pg_current_xact_id()::text").getSingleResult());
	}

}
