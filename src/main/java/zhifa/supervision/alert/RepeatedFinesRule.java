package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import zhifa.shared.DeadlineUnit;
import zhifa.supervision.ActReport;

/**
 * 以罚代管 (《行政执法监督条例》, conduct named by the regulation): the same party fined again and again for the same matter —
 * {@link AlertSettings#repeatFines()} fines within {@link AlertSettings#repeatMonths()} months (both configured). Raised on
 * the act that completes the series, with the series shown. The ledger does not record rectification orders, so the
 * supervisor checks whether each fine came with one.
 */
final class RepeatedFinesRule implements AlertRule {

	public String code() {
		return "REPEATED_FINES";
	}

	public String title() {
		return "以罚代管（同一当事人同一事项反复罚款）";
	}

	public String article() {
		return "《行政执法监督条例》（国务院令第825号）“以罚代管”";
	}

	public Severity severity() {
		return Severity.MEDIUM;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		if (!Rules.penaltyDecided(a) || a.fine() == null || a.fine() == 0 || a.partyKey() == null || a.matterCode() == null) {
			return List.of();
		}
		int months = c.settings().repeatMonths();
		int needed = c.settings().repeatFines();
		List<ActReport> series = c.partyHistory().stream()
			.filter(o -> !(o.source().equals(a.source()) && o.externalId().equals(a.externalId())))
			.filter(o -> a.partyKey().equals(o.partyKey()) && a.matterCode().equals(o.matterCode()) && Rules.penaltyDecided(o) && o.fine() != null && o.fine() > 0)
			.filter(o -> !o.decidedOn().isAfter(a.decidedOn()))
			.filter(o -> !c.due(o.decidedOn(), months, DeadlineUnit.MONTHS, article()).date().isBefore(a.decidedOn()))
			.sorted(Comparator.comparing(ActReport::decidedOn))
			.toList();
		if (series.size() + 1 < needed) {
			return List.of();
		}
		LocalDate first = series.get(0).decidedOn();
		StringBuilder list = new StringBuilder();
		for (ActReport o : series) {
			list.append(o.decidedOn()).append(" ").append(Rules.label(o)).append("；");
		}
		list.append(a.decidedOn()).append(" ").append(Rules.label(a)).append("（本次）");
		return List.of(Finding.once("同一当事人（" + (a.partyName() == null ? "标识 " + a.partyKey() : a.partyName()) + "）因同一事项（"
				+ (a.matterName() == null ? a.matterCode() : a.matterName()) + "）自 " + first + " 起 " + months + " 个月内被罚款 " + (series.size() + 1)
				+ " 次，达到配置的阈值（" + months + " 个月内 " + needed + " 次）：" + list + "。台账未记载责令改正及整改情况，请核实是否以罚代管；依据"
				+ c.settings().supervisionRegulation() + "。"));
	}
}
