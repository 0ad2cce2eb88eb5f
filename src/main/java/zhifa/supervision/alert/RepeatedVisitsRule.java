package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 乱检查 / 多头检查: one enterprise inspected by several bodies within {@link #DAYS} days (RULES.md §5, the Quzhou practice;
 * 国办发〔2024〕54号 on regulating 涉企行政检查). Raised on the visit that makes the series, with the series shown, so the
 * supervisor can ask why the visits were not combined into one joint inspection (综合查一次).
 */
final class RepeatedVisitsRule implements AlertRule {

	static final int DAYS = 30;

	public String code() {
		return "REPEATED_VISITS";
	}

	public String title() {
		return "同一企业30日内被多个部门检查";
	}

	public String article() {
		return "《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）";
	}

	public Severity severity() {
		return Severity.LOW;
	}

	public boolean timeBased() {
		return false;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		ActReport.Inspection i = a.details().inspection();
		if (i == null || i.checkedOn() == null || a.partyKey() == null) {
			return List.of();
		}
		LocalDate day = i.checkedOn();
		List<ActReport> others = c.partyHistory().stream()
			.filter(o -> !(o.source().equals(a.source()) && o.externalId().equals(a.externalId())))
			// visits merged into one joint visit are one visit
			.filter(o -> !(o.source().equals(a.source()) && i.jointWith().contains(o.externalId())))
			.filter(o -> o.bodyId() != a.bodyId() && a.partyKey().equals(o.partyKey()) && o.details().inspection() != null
					&& o.details().inspection().checkedOn() != null)
			.filter(o -> {
				LocalDate d = o.details().inspection().checkedOn();
				return !d.isAfter(day) && !d.isBefore(day.minusDays(DAYS));
			})
			.sorted(Comparator.comparing((ActReport o) -> o.details().inspection().checkedOn()))
			.toList();
		if (others.isEmpty()) {
			return List.of();
		}
		StringBuilder list = new StringBuilder();
		others.forEach(o -> list.append(o.details().inspection().checkedOn()).append(" ").append(o.details().inspection().bodyName()).append(o.caseNumber() == null ? "" : "（" + o.caseNumber() + "）").append("；"));
		return List.of(Finding.once("“" + (a.partyName() == null ? a.partyKey() : a.partyName()) + "”于 " + day + " 被检查，此前" + DAYS + "日内已有其他部门检查："
				+ list + "请核实能否合并为联合检查（综合查一次），避免多头、重复检查；依据" + article() + "。"));
	}
}
