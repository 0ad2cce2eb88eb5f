package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionsTest {

	@Test
	void refusesOutsideATransactionAndGoesOnInsideOne() {
		assertThatThrownBy(Transactions::requireActive).isInstanceOf(IllegalTransactionStateException.class);
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatCode(Transactions::requireActive).doesNotThrowAnyException();
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
	}
}
