package zhifa.supervision.alert;

import java.util.List;

import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;
import zhifa.shared.Money;
import zhifa.supervision.ActReport;

/**
 * 罚没款逾期未缴纳: the fine is due within fifteen days of the decision being served (行政处罚法第六十七条); past it the body
 * should 催告 and enforce (第七十二条, 行政强制法第三十五条、第五十四条). 没收违法所得 in money is owed the same way, due with the
 * fine — and still due then when the fine alone is deferred or split with approval (第六十六条 is of the fine). The
 * ledger carries one paid total: it goes to what falls due first (the fine; the gains when the fine is deferred), as the
 * platform's own account does. The ledger does not carry the 催告, so the rule raises on "unpaid past the due date" and
 * says so; it ends when both are paid.
 */
final class UnpaidRule implements AlertRule {

	public String code() {
		return "UNPAID";
	}

	public String title() {
		return "罚没款逾期未缴纳";
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
		long fine = a.fine() == null ? 0 : a.fine();
		long gains = a.gains() == null ? 0 : a.gains();
		if (!Rules.penaltyDecided(a) || a.decisionServedOn() == null || fine + gains == 0 || a.paidTotal() >= fine + gains || a.closedOn() != null) {
			return List.of();
		}
		Deadline.Due statutory = c.due(a.decisionServedOn(), 15, DeadlineUnit.CALENDAR_DAYS, article());
		Deadline.Due fineDue = statutory;
		ActReport.Dues dues = a.details().dues();
		java.time.LocalDate own = dues == null ? null : dues.payment();
		if (own != null && fine > 0) {
			// the source's own day: deferred, or the instalment still unpaid (第六十六条), or its own count of the fifteen days
			fineDue = new Deadline.Due(own, own.atStartOfDay(), false);
		}
		// the paid total goes first to what falls due first: the gains when the fine was deferred or split with approval
		boolean gainsFirst = gains > 0 && dues != null && dues.paymentApproved();
		long paid = a.paidTotal();
		long toGains = gainsFirst ? Math.min(paid, gains) : Math.min(Math.max(0, paid - fine), gains);
		long unpaidFine = Math.max(0, fine - (paid - toGains));
		long unpaidGains = gains - toGains;
		boolean fineLate = unpaidFine > 0 && c.today().isAfter(fineDue.date());
		boolean gainsLate = unpaidGains > 0 && c.today().isAfter(statutory.date());
		if (!fineLate && !gainsLate) {
			return List.of();
		}
		List<String> owed = new java.util.ArrayList<>();
		if (fine > 0) {
			owed.add("罚款 " + Money.yuan(fine) + " 应于 " + RuleContext.show(fineDue) + " 前缴纳");
		}
		if (gains > 0) {
			owed.add("没收违法所得 " + Money.yuan(gains) + " 应于 " + RuleContext.show(statutory) + " 前缴纳");
		}
		List<String> late = new java.util.ArrayList<>();
		if (fineLate) {
			late.add("罚款尚欠 " + Money.yuan(unpaidFine));
		}
		if (gainsLate) {
			late.add("没收违法所得尚欠 " + Money.yuan(unpaidGains));
		}
		return List.of(Finding.once("处罚决定书于 " + a.decisionServedOn() + " 送达，" + String.join("，", owed) + "，至 " + c.today() + " 已缴 " + Money.yuan(paid)
				+ "，" + String.join("，", late) + "，已逾期（台账未记载催告情况，请核实是否已依法催告、加处罚款或申请强制执行）；依据" + article() + "。"));
	}
}
