package zhifa.shared;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What {@code @Transactional(propagation = MANDATORY)} checks, for the listeners called on every change (a case's, a
 * record entry's): the same refusal without a transaction, without the transaction interceptor's work on each call.
 */
public final class Transactions {

	private Transactions() {
	}

	/** Refuses to go on outside a transaction (the work must commit or roll back with the change that caused it). */
	public static void requireActive() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("No existing transaction found for transaction marked with propagation 'mandatory'");
		}
	}
}
