package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/** 当场收缴的罚款逾期交回: the officer hands it in within two working days (行政处罚法第七十一条). */
final class HandInRule implements AlertRule {

	public String code() {
		return "HAND_IN";
	}

	public String title() {
		return "当场收缴的罚款超过二个工作日交回";
	}

	public String article() {
		return Rules.LAW + "第七十一条";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!a.details().collectedOnSpot() || a.decidedOn() == null) {
			return List.of();
		}
		Deadline.Due due = c.due(a.decidedOn(), 2, DeadlineUnit.WORKING_DAYS, article());
		String basis = "罚款于 " + a.decidedOn() + " 当场收缴，应于 " + RuleContext.show(due) + " 前交至行政机关";
		if (a.details().handedInOn() != null) {
			return a.details().handedInOn().isAfter(due.date())
					? List.of(Finding.once(basis + "，实际于 " + a.details().handedInOn() + " 交回；依据" + article() + "。"))
					: List.of();
		}
		return c.today().isAfter(due.date()) ? List.of(Finding.once(basis + "，至 " + c.today() + " 仍未交回；依据" + article() + "。")) : List.of();
	}
}
