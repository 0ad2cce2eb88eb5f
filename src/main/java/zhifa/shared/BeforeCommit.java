package zhifa.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction adds one by one but writes together: each {@link #add} keeps the item with the transaction, and
 * just before it commits the flush writes all of them at once (one statement for a hundred acts of a batch instead of a
 * hundred). The flush runs inside the transaction, so the rows commit with the work that made them, or not at all; a
 * flush that fails fails the commit. An item added under a savepoint that was rolled back stays in the batch: flushes are
 * for work that is harmless when done once too often (queueing an act to be looked at or pushed again).
 * <p>
 * An inner transaction of its own ({@code REQUIRES_NEW}) has its own batches. Without a transaction the item is flushed
 * at once.
 */
public final class BeforeCommit {

	private BeforeCommit() {
	}

	/** Adds an item to this transaction's batch of that kind ({@code kind}: one object per kind, e.g. a constant). */
	public static <T> void add(Object kind, T item, Consumer<List<T>> flush) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			flush.accept(List.of(item));
			return;
		}
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof Batch<?> b && b.kind == kind) {
				@SuppressWarnings("unchecked")
				Batch<T> mine = (Batch<T>) b;
				mine.items.add(item);
				return;
			}
		}
		Batch<T> b = new Batch<>(kind, flush);
		b.items.add(item);
		TransactionSynchronizationManager.registerSynchronization(b);
	}

	private static final class Batch<T> implements TransactionSynchronization {

		private final Object kind;
		private final Consumer<List<T>> flush;
		private final List<T> items = new ArrayList<>();

		Batch(Object kind, Consumer<List<T>> flush) {
			this.kind = kind;
			this.flush = flush;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!items.isEmpty()) {
				List<T> all = List.copyOf(items);
				items.clear();
				flush.accept(all);
			}
		}

		@Override
		public void afterCompletion(int status) {
			items.clear();
		}
	}
}
