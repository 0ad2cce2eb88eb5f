package zhifa.supervision.alert;

import java.util.List;
import java.util.Optional;

/**
 * The alert rules over the ledger, in one place (RULES.md §8). Not yet among them: 作出较重处罚因当事人申辩 (第四十五条; the
 * ledger does not carry the proposed penalty to compare), 先行登记保存 and 查封扣押 periods, benchmark deviation, on-the-spot
 * collection hand-in and 以罚代刑 (their facts are not in the ledger yet).
 */
public final class AlertRules {

	/** The rule of an overdue reply to a supervision document (its subject is the document, not an act). */
	public static final String REPLY_OVERDUE = "REPLY_OVERDUE";

	static final List<AlertRule> ALL = List.of(new OfficerCountRule(), new LapsedCertificateRule(), new LateFilingRule(), new UnfiledClueRule(),
			new DecisionWithoutNoticeRule(), new HearingRightRule(), new LegalReviewRule(), new DecisionPeriodRule(), new DecisionServiceRule(),
			new LimitationRule(), new UnpaidRule(), new RepeatedFinesRule(), new HeavierAfterStatementRule(), new PreservationRule(), new SeizureRule(),
			new HandInRule(), new DeviationRule(), new RemoteEnforcementRule(), new ProfitSeekingRule());

	private AlertRules() {
	}

	public static List<AlertRule> all() {
		return ALL;
	}

	public static Optional<AlertRule> byCode(String code) {
		return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
	}

	/** The rule's title for any code, including {@link #REPLY_OVERDUE}. */
	public static String title(String code) {
		return REPLY_OVERDUE.equals(code) ? "监督文书逾期未答复" : byCode(code).map(AlertRule::title).orElse(code);
	}
}
