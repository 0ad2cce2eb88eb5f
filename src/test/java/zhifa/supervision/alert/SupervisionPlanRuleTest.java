package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A missing plan is due after 31 March of its year and stays due in the next year (no silent close on 1 January). */
class SupervisionPlanRuleTest {

	@Test
	void thisYearAfterTheThirtyFirstOfMarchAndEveryEarlierYear() {
		assertThat(YearlyDutyRule.PLAN.yearsDue(LocalDate.of(2026, 3, 31), 2026)).isEmpty();
		assertThat(YearlyDutyRule.PLAN.yearsDue(LocalDate.of(2026, 4, 1), 2026)).containsExactly(2026);
		assertThat(YearlyDutyRule.PLAN.yearsDue(LocalDate.of(2027, 1, 1), 2026)).containsExactly(2026);
		assertThat(YearlyDutyRule.PLAN.yearsDue(LocalDate.of(2027, 4, 1), 2026)).containsExactly(2026, 2027);
	}

	@Test
	void theFindingNamesTheDutyAndItsDay() {
		assertThat(YearlyDutyRule.PLAN.finding(2026).reasoning()).isEqualTo("2026年度行政执法监督计划应于 2026-03-31 前报备，至今未报备");
		assertThat(YearlyDutyRule.STATISTICS.finding(2025).reasoning()).isEqualTo("2025年度行政执法数据应于 2026-01-31 前公开，至今未公开");
	}
}
