package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * A campaign duty (the outstanding-problem list with its rectification plan, the final report) past the campaign's day
 * and not done: per body and campaign step, raised by the nightly sweep of body-level rules and closed when done (方案任务5).
 */
final class CampaignDutyRule implements AlertRule {

	static final CampaignDutyRule RULE = new CampaignDutyRule();

	public String code() {
		return "CAMPAIGN_DUTY";
	}

	public String title() {
		return "专项整治任务逾期未报送";
	}

	public String article() {
		return "芒市提升行政执法质量三年行动工作方案（2023—2025年）任务5";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport act, RuleContext context) {
		return List.of();
	}
}
