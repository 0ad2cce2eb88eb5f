package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 罚款逾期未缴纳: the fine is due within fifteen days of the decision being served (行政处罚法第六十七条); past it the body
 * should 催告 and enforce (第七十二条, 行政强制法第三十五条、第五十四条). The ledger does not carry the 催告, so the rule raises on
 * "unpaid past the due date" and says so; it ends when the fine is paid.
 */
final class UnpaidRule implements AlertRule {

	public String code() {
		return "UNPAID";
	}

	public String title() {
		return "罚款逾期未缴纳";
	}

	public String article() {
		return Rules.LAW + "第六十七条、第七十二条";
	}

	public Severity severity() {
		return Severity.LOW;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.penaltyDecided(a) || a.decisionServedOn() == null || a.fine() == null || a.fine() == 0 || a.paidTotal() >= a.fine() || a.closedOn() != null) {
			return List.of();
		}
		Deadline.Due due = c.due(a.decisionServedOn(), 15, DeadlineUnit.CALENDAR_DAYS, article());
		java.time.LocalDate own = a.details().dues() == null ? null : a.details().dues().payment();
		if (own != null) {
			// deferred or paid by instalments with approval (第六十六条): the source's due day
			due = new Deadline.Due(own, own.atStartOfDay(), false);
		}
		if (!c.today().isAfter(due.date())) {
			return List.of();
		}
		return List.of(Finding.once("处罚决定书于 " + a.decisionServedOn() + " 送达，罚款 " + Money.yuan(a.fine()) + " 应于 " + RuleContext.show(due) + " 前缴纳，至 "
				+ c.today() + " 已缴 " + Money.yuan(a.paidTotal()) + "，尚欠 " + Money.yuan(a.fine() - a.paidTotal())
				+ "（台账未记载催告情况，请核实是否已依法催告、加处罚款或申请强制执行）；依据" + article() + "。"));
	}
}
