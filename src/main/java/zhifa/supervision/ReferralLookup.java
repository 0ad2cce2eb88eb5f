package zhifa.supervision;

import java.util.List;

/** The 行刑衔接 referrals of an act (implemented by {@code zhifa.supervision.referral}; read by the alert rules). */
public interface ReferralLookup {

	List<Referral> ofAct(long actId);
}
