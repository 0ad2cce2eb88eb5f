package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * 处罚决定书送达超期: a decision not handed over on the spot must be served within seven working days (行政处罚法第六十一条).
 * Raised while unserved past the period and kept when it was served late.
 */
final class DecisionServiceRule implements AlertRule {

	public String code() {
		return "DECISION_SERVICE";
	}

	public String title() {
		return "处罚决定书超过七个工作日送达";
	}

	public String article() {
		return Rules.LAW + "第六十一条";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.penaltyDecided(a) || Rules.simple(a)) {
			return List.of();
		}
		Deadline.Due due = c.due(a.decidedOn(), 7, DeadlineUnit.WORKING_DAYS, article());
		String basis = "处罚决定于 " + a.decidedOn() + " 作出，应在 7 个工作日内即 " + RuleContext.show(due) + " 前送达";
		if (a.decisionServedOn() != null) {
			return a.decisionServedOn().isAfter(due.date())
					? List.of(Finding.once(basis + "，实际于 " + a.decisionServedOn() + " 送达；依据" + article() + "。"))
					: List.of();
		}
		if (!c.today().isAfter(due.date())) {
			return List.of();
		}
		return List.of(Finding.once(basis + "，至 " + c.today() + " 台账仍未记载送达；依据" + article() + "。"));
	}
}
