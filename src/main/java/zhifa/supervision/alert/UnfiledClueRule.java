package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * 有案不立 (《行政执法监督条例》, conduct named by the regulation): a clue left without a filing decision (立案, 不予立案 or
 * 移交) past the triage period, counted in working days from its receipt. Ends when the decision is made.
 */
final class UnfiledClueRule implements AlertRule {

	public String code() {
		return "UNFILED_CLUE";
	}

	public String title() {
		return "有案不立（案源逾期未作立案决定）";
	}

	public String article() {
		return "《行政执法监督条例》（国务院令第825号）“有案不立”；" + Rules.LAW + "第五十四条";
	}

	public Severity severity() {
		return Severity.HIGH;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (a.receivedOn() == null || a.filedOn() != null || a.decidedOn() != null || a.closedOn() != null || Rules.endedBeforeFiling(a) || Rules.simple(a)) {
			return List.of();
		}
		int days = c.settings().triageWorkingDays();
		Deadline.Due due = c.due(a.receivedOn(), days, DeadlineUnit.WORKING_DAYS, article());
		if (!c.today().isAfter(due.date())) {
			return List.of();
		}
		return List.of(Finding.once("案源于 " + a.receivedOn() + " 接收，立案审查期限 " + days + " 个工作日，已于 " + RuleContext.show(due) + " 届满，至 " + c.today()
				+ " 仍未作出立案、不予立案或移交的决定；依据" + c.settings().supervisionRegulation() + "（有案不立）及" + Rules.LAW + "第五十四条。"));
	}
}
