package zhifa.supervision;

import java.util.List;

/** The 行刑衔接 referrals of an act (implemented by {@code zhifa.supervision.referral}; read by the alert rules). */
public interface ReferralLookup {

	List<Referral> ofAct(long actId);

	/**
	 * The referrals of an act, read under a share lock on the act and its referrals, for a writer whose step they may
	 * bar (a fine): a report, a transfer or a court's result being written at the same moment waits for the writer, or
	 * the writer for it — never both pass unseen. Only in a read-write transaction.
	 */
	List<Referral> ofActLocked(long actId);

	/** The referrals of many acts in one read, by act (an act without referrals has no entry). */
	default java.util.Map<Long, List<Referral>> ofActs(java.util.Collection<Long> actIds) {
		java.util.Map<Long, List<Referral>> m = new java.util.HashMap<>();
		actIds.forEach(id -> {
			List<Referral> r = ofAct(id);
			if (!r.isEmpty()) {
				m.put(id, r);
			}
		});
		return m;
	}
}
