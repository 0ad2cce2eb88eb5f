package zhifa.supervision.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import zhifa.supervision.ActReport;

/**
 * A body's duty done once a year by a fixed day — its alert is per body and year, raised the day after the deadline
 * while the duty is not done and closed when it is. Evaluated per body in the nightly sweep, not per act.
 *
 * @param yearsLater 1 when the duty for a year falls due in the next year (statistics by 31 January), 0 in the same
 */
record YearlyDutyRule(String code, String title, String article, int yearsLater, int month, int day, String verb) implements AlertRule {

	/** 年度行政执法数据 published by 31 January of the next year (RULES.md §4.1). */
	static final YearlyDutyRule STATISTICS = new YearlyDutyRule("YEARLY_STATISTICS", "年度行政执法数据逾期未公开",
			"《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）：每年1月31日前公开上年度行政执法总体情况",
			1, 1, 31, "公开");

	/** 年度行政执法监督计划 filed by 31 March of its year (方案任务13). */
	static final YearlyDutyRule PLAN = new YearlyDutyRule("SUPERVISION_PLAN", "年度行政执法监督计划逾期未报备",
			"芒市提升行政执法质量三年行动实施方案（2023—2025年）任务13：每年3月31日前制定年度行政执法监督计划", 0, 3, 31, "报备");

	public Severity severity() {
		return Severity.LOW;
	}

	public boolean timeBased() {
		return true;
	}

	public List<Finding> evaluate(ActReport a, RuleContext c) {
		return List.of();
	}

	LocalDate due(int year) {
		return LocalDate.of(year + yearsLater, month, day);
	}

	/**
	 * The years from {@code firstYear} whose deadline has passed on {@code today} — every one, so an alert never closes
	 * by itself when a new year begins; years before {@code firstYear} (before the platform held the data) never count.
	 */
	List<Integer> yearsDue(LocalDate today, int firstYear) {
		List<Integer> years = new ArrayList<>();
		for (int y = firstYear; due(y).isBefore(today); y++) {
			years.add(y);
		}
		return years;
	}

	Finding finding(int year) {
		String duty = title().replace("逾期未" + verb, "");
		return new Finding(String.valueOf(year), year + duty + "应于 " + due(year) + " 前" + verb + "，至今未" + verb);
	}
}
