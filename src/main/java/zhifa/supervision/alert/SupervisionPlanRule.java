package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 年度行政执法监督计划 not filed by 31 March (方案任务13): an alert on the supervising unit, one per year, closed when it
 * files. Evaluated per body in the nightly sweep, not per act.
 */
final class SupervisionPlanRule implements AlertRule {

	static final String CODE = "SUPERVISION_PLAN";

	public String code() {
		return CODE;
	}

	public String title() {
		return "年度行政执法监督计划逾期未报备";
	}

	public String article() {
		return "芒市提升行政执法质量三年行动实施方案（2023—2025年）任务13：每年3月31日前制定年度行政执法监督计划";
	}

	public Severity severity() {
		return Severity.LOW;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		return List.of();
	}

	/**
	 * The years whose plan is overdue on {@code today}, from {@code firstYear}: every earlier year, and this year's after
	 * 31 March (so an alert for last year's missing plan does not close on 1 January).
	 */
	static List<Integer> yearsDue(LocalDate today, int firstYear) {
		int last = today.isAfter(LocalDate.of(today.getYear(), 3, 31)) ? today.getYear() : today.getYear() - 1;
		List<Integer> years = new java.util.ArrayList<>();
		for (int y = firstYear; y <= last; y++) {
			years.add(y);
		}
		return years;
	}

	static Finding finding(int year) {
		return new Finding(String.valueOf(year), year + "年度行政执法监督计划应于 " + year + "-03-31 前报备，至今未报备");
	}
}
