package zhifa.supervision;

/**
 * What looks at an act each time the ledger takes a new or newer report of it (the alert rules, special supervision):
 * called by {@link LedgerQueue} after the change committed, in the queue's batch transaction; when anything of a batch
 * fails the batch is done again with a savepoint for each item, so a failure here rolls back only this act's work, which
 * is queued again for later.
 */
public interface LedgerFollower {

	/**
	 * The act as the ledger held it when the batch read it (a later change queues it again). A follower whose work must
	 * not interleave with another evaluation of the act (another node's batch) locks and reads it again itself.
	 */
	void follow(Act act);

	/**
	 * The acts of a batch, in ascending id order, when the batch goes through in one piece (when it fails, the batch is
	 * done again with {@link #follow} for each act under a savepoint of its own). A follower that can read what it needs
	 * for all of them at once does so here; by default, one act after the other.
	 */
	default void followAll(java.util.List<Act> acts) {
		acts.forEach(this::follow);
	}
}
