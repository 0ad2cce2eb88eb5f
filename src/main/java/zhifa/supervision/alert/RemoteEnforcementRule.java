package zhifa.supervision.alert;

import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 违规异地执法 (《行政执法监督条例》): the act took place outside the body's territorial jurisdiction — the place of the
 * violation decides which organ has jurisdiction (see {@link #article()}). Entrustments and joint tasks that would cover it are not in the ledger yet: the reasoning
 * says so, and the supervisor marks a covered case as 误报 with the document.
 */
final class RemoteEnforcementRule implements AlertRule {

	public String code() {
		return "REMOTE_ENFORCEMENT";
	}

	public String title() {
		return "违规异地执法（违法行为发生地不在本机关管辖区域）";
	}

	public String article() {
		return Rules.LAW + "第二十二条；《行政执法监督条例》";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (a.placeRegionId() == null || Rules.endedBeforeFiling(a) || "HANDED_OVER".equals(a.stage())) {
			return List.of();
		}
		return c.jurisdiction().outside(a.bodyId(), a.placeRegionId())
			.map(region -> List.of(Finding.once("违法行为发生地不在本机关的管辖区域（" + region + "）内，台账未记载委托或联合执法任务；依据" + article()
					+ "，行政处罚由违法行为发生地的行政机关管辖，异地执法须有法定依据。如有委托或联合执法，请在核查时标为误报并说明。")))
			.orElse(List.of());
	}
}
