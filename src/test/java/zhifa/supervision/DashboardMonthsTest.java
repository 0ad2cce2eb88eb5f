package zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The dashboard's months of a year: every month up to today, a zero where nothing happened. */
class DashboardMonthsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void theCurrentYearRunsFromJanuaryToThisMonthWithZerosForEmptyMonths() {
		var months = Dashboard.everyMonth(2026, TODAY, List.of(new Dashboard.Month("2026-02", 5, 3, 1000), new Dashboard.Month("2026-12", 1, 0, 0)));
		assertThat(months).extracting(Dashboard.Month::month).containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
				"2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12");
		assertThat(months.get(0)).isEqualTo(new Dashboard.Month("2026-01", 0, 0, 0));
		assertThat(months.get(1)).isEqualTo(new Dashboard.Month("2026-02", 5, 3, 1000));
	}

	@Test
	void aPastYearHasTwelveMonthsAndAFutureYearOnlyWhatWasFound() {
		assertThat(Dashboard.everyMonth(2025, TODAY, List.of())).hasSize(12);
		assertThat(Dashboard.everyMonth(2027, TODAY, List.of())).isEmpty();
		assertThat(Dashboard.everyMonth(2027, TODAY, List.of(new Dashboard.Month("2027-01", 1, 0, 0)))).extracting(Dashboard.Month::month)
			.containsExactly("2027-01");
	}
}
