package zhifa.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A missing plan is due after 31 March of its year and stays due in the next year (no silent close on 1 January). */
class SupervisionPlanRuleTest {

	@Test
	void thisYearAfterTheThirtyFirstOfMarchAndEveryEarlierYear() {
		assertThat(SupervisionPlanRule.yearsDue(LocalDate.of(2026, 3, 31), 2026)).isEmpty();
		assertThat(SupervisionPlanRule.yearsDue(LocalDate.of(2026, 4, 1), 2026)).containsExactly(2026);
		assertThat(SupervisionPlanRule.yearsDue(LocalDate.of(2027, 1, 1), 2026)).containsExactly(2026);
		assertThat(SupervisionPlanRule.yearsDue(LocalDate.of(2027, 4, 1), 2026)).containsExactly(2026, 2027);
	}
}
