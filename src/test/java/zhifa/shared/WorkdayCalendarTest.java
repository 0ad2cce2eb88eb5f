package zhifa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static zhifa.shared.DeadlineUnit.CALENDAR_DAYS;
import static zhifa.shared.DeadlineUnit.MONTHS;
import static zhifa.shared.DeadlineUnit.WORKING_DAYS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The counting rules of RULES.md §1 against the official 2023–2026 calendar (holidays-cn.csv). */
class WorkdayCalendarTest {

	static final WorkdayCalendar CALENDAR = official();

	static WorkdayCalendar official() {
		Map<LocalDate, DayType> days = new HashMap<>();
		Set<Integer> years = new HashSet<>();
		try (var reader = new BufferedReader(new InputStreamReader(
				WorkdayCalendarTest.class.getResourceAsStream("/calendar/holidays-cn.csv"), StandardCharsets.UTF_8))) {
			reader.lines().filter(l -> !l.startsWith("#") && !l.startsWith("date")).forEach(l -> {
				String[] f = l.split(",");
				LocalDate d = LocalDate.parse(f[0]);
				days.put(d, f[1].equals("HOLIDAY") ? DayType.HOLIDAY : DayType.ADJUSTED_WORKDAY);
				if (d.getYear() >= 2023) {
					years.add(d.getYear());
				}
			});
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return new WorkdayCalendar(days, years);
	}

	private static LocalDate due(LocalDate start, int n, DeadlineUnit unit) {
		return CALENDAR.due(Deadline.of(start, n, unit, "test")).date();
	}

	@Test
	void hearingRequestServedBeforeNationalDayIsDueOnTenthOfOctober() {
		// RULES.md §1: Fri 2024-09-27 + 5 working days; Sun 09-29 is a make-up working day (day 1)
		var due = CALENDAR.due(Deadline.of(LocalDate.of(2024, 9, 27), 5, WORKING_DAYS, "行政处罚法第六十四条"));
		assertThat(due.date()).isEqualTo(LocalDate.of(2024, 10, 10));
		assertThat(due.provisional()).isFalse();
	}

	@Test
	void makeUpWorkingDayCountsAndHolidayDoesNot() {
		assertThat(CALENDAR.dayType(LocalDate.of(2024, 9, 29))).isEqualTo(DayType.ADJUSTED_WORKDAY);
		assertThat(CALENDAR.dayType(LocalDate.of(2024, 10, 1))).isEqualTo(DayType.HOLIDAY);
		assertThat(CALENDAR.dayType(LocalDate.of(2024, 10, 12))).isEqualTo(DayType.ADJUSTED_WORKDAY);
		assertThat(CALENDAR.dayType(LocalDate.of(2024, 10, 13))).isEqualTo(DayType.WEEKEND);
		assertThat(due(LocalDate.of(2024, 9, 30), 1, WORKING_DAYS)).isEqualTo(LocalDate.of(2024, 10, 8));
	}

	@Test
	void calendarDayPeriodEndingOnHolidayMovesToNextWorkingDay() {
		// 15 days to pay from 2024-09-16: day 15 is 10-01 (holiday) → first working day after the holiday is 10-08
		assertThat(due(LocalDate.of(2024, 9, 16), 15, CALENDAR_DAYS)).isEqualTo(LocalDate.of(2024, 10, 8));
		// ending on a make-up working Saturday stays there
		assertThat(due(LocalDate.of(2024, 9, 27), 15, CALENDAR_DAYS)).isEqualTo(LocalDate.of(2024, 10, 12));
		// ending on an ordinary Sunday moves to Monday
		assertThat(due(LocalDate.of(2024, 3, 2), 15, CALENDAR_DAYS)).isEqualTo(LocalDate.of(2024, 3, 18));
	}

	@Test
	void ninetyDaysToDecideAndSixMonthsToSue() {
		assertThat(due(LocalDate.of(2024, 1, 3), 90, CALENDAR_DAYS)).isEqualTo(LocalDate.of(2024, 4, 2));
		// 6 months from 2024-04-01 → 2024-10-01 (holiday) → 2024-10-08
		assertThat(due(LocalDate.of(2024, 4, 1), 6, MONTHS)).isEqualTo(LocalDate.of(2024, 10, 8));
		// month end: 2024-08-31 + 1 month → 2024-09-30 (Monday, working)
		assertThat(due(LocalDate.of(2024, 8, 31), 1, MONTHS)).isEqualTo(LocalDate.of(2024, 9, 30));
	}

	@Test
	void hoursStartFromTheNextFullHourAndAreNeverExtended() {
		var due = CALENDAR.due(Deadline.ofHours(LocalDateTime.of(2024, 9, 30, 10, 25), 24, "行刑衔接规定"));
		assertThat(due.time()).isEqualTo(LocalDateTime.of(2024, 10, 1, 11, 0));
	}

	@Test
	void pastTheLastKnownYearAnswersAreProvisionalWithFixedHolidays() {
		assertThat(CALENDAR.isKnownYear(2027)).isFalse();
		assertThat(CALENDAR.dayType(LocalDate.of(2027, 10, 1))).isEqualTo(DayType.HOLIDAY);
		assertThat(CALENDAR.dayType(LocalDate.of(2027, 10, 4))).isEqualTo(DayType.WORKDAY);
		var due = CALENDAR.due(Deadline.of(LocalDate.of(2026, 12, 30), 5, WORKING_DAYS, "test"));
		assertThat(due.provisional()).isTrue();
		// 2026-12-31 Thu (1), 2027-01-01 Fri fixed holiday, 01-04 Mon (2) … 01-07 Thu (5)
		assertThat(due.date()).isEqualTo(LocalDate.of(2027, 1, 7));
		assertThat(CALENDAR.due(Deadline.of(LocalDate.of(2026, 12, 1), 5, WORKING_DAYS, "t")).provisional()).isFalse();
	}

	@Test
	void newYearHolidayListedInThePreviousYearIsKept() {
		assertThat(CALENDAR.dayType(LocalDate.of(2022, 12, 31))).isEqualTo(DayType.HOLIDAY);
	}

	@Provide
	Arbitrary<LocalDate> days() {
		return Arbitraries.integers().between(0, 4 * 365).map(i -> LocalDate.of(2023, 1, 1).plusDays(i));
	}

	@Property
	void workingDayDeadlineIsAWorkingDayReachedAfterExactlyNWorkingDays(@ForAll("days") LocalDate start,
			@ForAll @IntRange(min = 1, max = 30) int n) {
		LocalDate due = due(start, n, WORKING_DAYS);
		assertThat(CALENDAR.isWorkingDay(due)).isTrue();
		assertThat(CALENDAR.workingDaysBetween(start, due)).isEqualTo(n);
		assertThat(CALENDAR.workingDaysBetween(start, due.minusDays(1))).isEqualTo(n - 1);
	}

	@Property
	void calendarDayDeadlineIsTheFirstWorkingDayOnOrAfterTheNthDay(@ForAll("days") LocalDate start,
			@ForAll @IntRange(min = 1, max = 120) int n) {
		LocalDate last = start.plusDays(n);
		LocalDate due = due(start, n, CALENDAR_DAYS);
		assertThat(due).isAfterOrEqualTo(last);
		assertThat(CALENDAR.isWorkingDay(due)).isTrue();
		for (LocalDate d = last; d.isBefore(due); d = d.plusDays(1)) {
			assertThat(CALENDAR.isWorkingDay(d)).isFalse();
		}
	}

	@Property
	void moreTimeNeverEndsEarlier(@ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int n) {
		assertThat(due(start, n + 1, WORKING_DAYS)).isAfter(due(start, n, WORKING_DAYS));
		assertThat(due(start, n + 1, CALENDAR_DAYS)).isAfterOrEqualTo(due(start, n, CALENDAR_DAYS));
	}
}
