package zhifa.supervision.alert;

import java.util.List;
import java.util.Optional;

/**
 * The alert rules over the ledger, in one place (RULES.md §8 and 《行政执法监督条例》), including those on inspections (late
 * results, one enterprise visited by several bodies within 30 days).
 */
public final class AlertRules {

	/** The rule of an overdue reply to a supervision document (its subject is the document, not an act). */
	public static final String REPLY_OVERDUE = "REPLY_OVERDUE";

	static final List<AlertRule> ALL = List.of(new OfficerCountRule(), new LapsedCertificateRule(), new LateFilingRule(), new UnfiledClueRule(),
			new DecisionWithoutNoticeRule(), new HearingRightRule(), new LegalReviewRule(), new DecisionPeriodRule(), new DecisionServiceRule(),
			new LimitationRule(), new UnpaidRule(), new RepeatedFinesRule(), new HeavierAfterStatementRule(), new PreservationRule(), new SeizureRule(), new UnapprovedMeasureRule(),
			new HandInRule(), new DeviationRule(), new RemoteEnforcementRule(), new ProfitSeekingRule(), new CrimeIndicatorRule(), new ReferralPeriodRule(), new TransferMissingRule(), new SimpleProcedureRule(),
			new InspectionResultRule(), new RepeatedVisitsRule(), new PublicationRule(), YearlyDutyRule.STATISTICS, YearlyDutyRule.PLAN, CampaignDutyRule.RULE);

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
