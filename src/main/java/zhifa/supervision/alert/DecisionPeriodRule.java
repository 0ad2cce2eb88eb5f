package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * 办案期限超期: a decision is due within 90 days of 立案 (行政处罚法第六十条), counted in calendar days and extended to the
 * next working day when the last day is a day off. Raised while the decision is overdue and kept when it came late. The
 * ledger does not carry approved extensions or the excluded periods (中止, hearing, 检测检验鉴定), so the period is the
 * statutory one and the reasoning says so.
 */
final class DecisionPeriodRule implements AlertRule {

	static final int DAYS = 90;

	public String code() {
		return "DECISION_PERIOD";
	}

	public String title() {
		return "超过九十日办案期限未作出决定";
	}

	public String article() {
		return Rules.LAW + "第六十条";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (a.filedOn() == null || Rules.simple(a)) {
			return List.of();
		}
		Deadline.Due due = c.due(a.filedOn(), DAYS, DeadlineUnit.CALENDAR_DAYS, article());
		String basis = "自 " + a.filedOn() + " 立案起 " + DAYS + " 日，应于 " + RuleContext.show(due) + " 前作出决定";
		String note = "（台账未记载经批准的延期及中止、听证、检测检验鉴定等不计入期限的期间）；依据" + article() + "。";
		java.time.LocalDate own = a.details().dues() == null ? null : a.details().dues().decision();
		if (own != null) {
			// the source counted the period itself, extensions and pauses included: its due day is the one that counts
			due = new Deadline.Due(own, own.atStartOfDay(), false);
			basis = "自 " + a.filedOn() + " 立案，办案期限（含经批准的延期，扣除中止、听证等期间）至 " + own + " 届满";
			note = "；依据" + article() + "。";
		}
		if (a.decidedOn() != null) {
			return a.decidedOn().isAfter(due.date()) ? List.of(Finding.once(basis + "，实际于 " + a.decidedOn() + " 作出" + note)) : List.of();
		}
		if (a.closedOn() != null || !c.today().isAfter(due.date())) {
			return List.of();
		}
		return List.of(Finding.once(basis + "，至 " + c.today() + " 仍未作出" + note));
	}
}
