package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.List;

import zhifa.supervision.ActReport;

/**
 * 年度行政执法数据 not published by 31 January of the next year (RULES.md §4.1): an alert on the body, one per year,
 * closed when the body publishes. Evaluated per body in the nightly sweep, not per act.
 */
final class YearlyStatisticsRule implements AlertRule {

	static final String CODE = "YEARLY_STATISTICS";

	public String code() {
		return CODE;
	}

	public String title() {
		return "年度行政执法数据逾期未公开";
	}

	public String article() {
		return "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）：每年1月31日前公开上年度行政执法总体情况";
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
	 * The years whose deadline (31 January of the next year) has passed on {@code today}, from {@code firstYear} — the
	 * first year the platform holds a body's acts for; earlier years would be published from an empty ledger.
	 */
	static List<Integer> yearsDue(LocalDate today, int firstYear) {
		int lastDue = today.isAfter(LocalDate.of(today.getYear(), 1, 31)) ? today.getYear() - 1 : today.getYear() - 2;
		List<Integer> years = new java.util.ArrayList<>();
		for (int y = firstYear; y <= lastDue; y++) {
			years.add(y);
		}
		return years;
	}

	static Finding finding(int year) {
		return new Finding(String.valueOf(year), year + "年度行政执法数据应于 " + (year + 1) + "-01-31 前公开，至今未公开");
	}
}
