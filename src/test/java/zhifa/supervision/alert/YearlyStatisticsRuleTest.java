package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Which years' statistics are overdue on a day: after 31 January the last year too; never before the platform's first year. */
class YearlyStatisticsRuleTest {

	@Test
	void theLastYearIsDueOnlyAfterTheThirtyFirstOfJanuary() {
		assertThat(YearlyDutyRule.STATISTICS.yearsDue(LocalDate.of(2027, 1, 31), 2025)).containsExactly(2025);
		assertThat(YearlyDutyRule.STATISTICS.yearsDue(LocalDate.of(2027, 2, 1), 2025)).containsExactly(2025, 2026);
		assertThat(YearlyDutyRule.STATISTICS.yearsDue(LocalDate.of(2026, 11, 29), 2025)).containsExactly(2025);
	}

	@Test
	void yearsBeforeThePlatformsFirstAreNotDue() {
		assertThat(YearlyDutyRule.STATISTICS.yearsDue(LocalDate.of(2026, 1, 15), 2025)).isEmpty();
		assertThat(YearlyDutyRule.STATISTICS.yearsDue(LocalDate.of(2026, 11, 29), 2026)).isEmpty();
	}
}
