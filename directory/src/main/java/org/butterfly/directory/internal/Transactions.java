package org.butterfly.directory.internal;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the directory's units of work, each in a transaction (joining the caller's, if it
 * has one). A write that loses a deadlock or a serialization check in a transaction of
 * its own is run again from the start, so callers see either one commit or one exception.
 */
public final class Transactions {

	private static final Logger logger = LoggerFactory.getLogger(Transactions.class);

	private static final int ATTEMPTS = 8;

	private final TransactionTemplate write;

	private final TransactionTemplate read;

	private final TransactionTemplate snapshot;

	/** Makes a new snapshot transaction REPEATABLE READ, before its first query. */
	private final Runnable repeatableRead;

	public Transactions(PlatformTransactionManager transactionManager) {
		this.write = new TransactionTemplate(transactionManager);
		// At read committed each statement sees its own snapshot, so a transaction of its
		// own would buy a read nothing but the COMMIT round trip and the begin/commit
		// work: a read runs its statements in autocommit on one entity manager, or joins
		// the caller's transaction.
		this.read = new TransactionTemplate(transactionManager);
		this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
		this.read.setReadOnly(true);
		// Only where several statements must agree. Asking the connection for the level
		// would cost two more round trips per transaction (set, then reset on the pooled
		// connection); SET TRANSACTION as the first statement travels with the BEGIN.
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setReadOnly(true);
		if (transactionManager instanceof JpaTransactionManager jpa && jpa.getEntityManagerFactory() != null) {
			EntityManagerFactory entityManagers = jpa.getEntityManagerFactory();
			this.repeatableRead = () -> EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers)
				.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
				.executeUpdate();
		}
		else {
			this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
			this.repeatableRead = () -> {
			};
		}
	}

	/**
	 * Runs the work in a read-write transaction, again if it lost a deadlock in a
	 * transaction of its own.
	 */
	public <T> T write(Supplier<T> work) {
		int attempts = TransactionSynchronizationManager.isActualTransactionActive() ? 1 : ATTEMPTS;
		for (int attempt = 1;; attempt++) {
			try {
				return this.write.execute((status) -> work.get());
			}
			catch (RuntimeException ex) {
				if (attempt == attempts || !isTransient(ex)) {
					throw ex;
				}
				logger.debug("Retrying a directory write after a transient failure (attempt {})", attempt, ex);
				pause(attempt);
			}
		}
	}

	/**
	 * Runs the work's statements at the database's default isolation (read committed:
	 * each statement sees what was committed when it started), in autocommit unless it
	 * joins the caller's transaction.
	 */
	public <T> T read(Supplier<T> work) {
		return this.read.execute((status) -> work.get());
	}

	/**
	 * Runs the work in a read-only transaction whose statements all see one consistent
	 * snapshot (unless it joins the caller's), e.g. a {@code SYN} dump whose lists must
	 * match its list version.
	 */
	public <T> T snapshot(Supplier<T> work) {
		return this.snapshot.execute((status) -> {
			if (status.isNewTransaction()) {
				this.repeatableRead.run();
			}
			return work.get();
		});
	}

	private static boolean isTransient(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConcurrencyFailureException) {
				return true;
			}
			if (cause instanceof SQLException sql
					&& ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 5)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while retrying a directory write", ex);
		}
	}

}
