package zhifa.supervision;

import java.util.List;

/** The 行刑衔接 referrals of an act (implemented by {@code zhifa.supervision.referral}; read by the alert rules). */
public interface ReferralLookup {

	List<Referral> ofAct(long actId);

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
