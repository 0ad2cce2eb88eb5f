package zhifa.inspection.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import zhifa.shared.DayType;
import zhifa.shared.WorkdayCalendar;

/** The drawn visits are planned over the period's working days, not all on its first day. */
class PlannedDaysTest {

	private final WorkdayCalendar calendar = new WorkdayCalendar(Map.of(LocalDate.of(2026, 12, 4), DayType.HOLIDAY), List.of(2026));

	@Test
	void anEvenShareOnEachWorkingDayInDrawOrder() {
		// Thu 3 Dec to Wed 9 Dec 2026, the 4th a holiday: working days 3, 7, 8, 9
		List<LocalDate> days = Draws.plannedDays(calendar, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 9), 8);
		assertThat(days).containsExactly(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7),
				LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 9));
		assertThat(days).doesNotContain(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6));
	}

	@Test
	void fewerVisitsThanDaysAreSpreadOverThePeriod() {
		List<LocalDate> days = Draws.plannedDays(calendar, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 3);
		assertThat(days).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 22));
	}

	@Test
	void aPeriodWithoutAWorkingDayLeftPlansAllOnItsFirstDay() {
		assertThat(Draws.plannedDays(calendar, LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6), 2)).containsExactly(LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 5));
		assertThat(Draws.plannedDays(calendar, LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 1), 1)).containsExactly(LocalDate.of(2026, 12, 5));
	}
}
