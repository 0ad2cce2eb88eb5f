package zhifa.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 工作日历: the one place that knows which days are working days and computes every legal deadline.
 * <p>
 * Built from the official holiday notices (国务院办公厅 annual notices): each listed date is a holiday (放假, including
 * weekend days inside a holiday) or a make-up working day (调休上班). An unlisted date is a working day Mon–Fri.
 * For a year whose notice is not known, answers are <em>provisional</em>: weekends and the fixed-date statutory
 * holidays (1 Jan; 1–2 May; 1–3 Oct, 全国年节及纪念日放假办法) are days off.
 * <p>
 * Counting (RULES.md §1; 行政处罚法第八十五条; 民事诉讼法第八十五条): the day or hour on which a period starts is not counted;
 * the law's 二日、三日、五日、七日 are working days; when the last day of a calendar-day or month period is not a
 * working day, the period ends on the first working day after it.
 */
public final class WorkdayCalendar {

	private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 2),
			MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3));

	private final Map<LocalDate, DayType> official;
	private final TreeSet<Integer> knownYears;

	/**
	 * @param official the dates listed in the notices: {@link DayType#HOLIDAY} or {@link DayType#ADJUSTED_WORKDAY}
	 * @param knownYears the years whose notice has been loaded
	 */
	public WorkdayCalendar(Map<LocalDate, DayType> official, Collection<Integer> knownYears) {
		official.values().forEach(type -> {
			if (type != DayType.HOLIDAY && type != DayType.ADJUSTED_WORKDAY) {
				throw new IllegalArgumentException("official entries are holidays or make-up working days");
			}
		});
		this.official = Map.copyOf(official);
		this.knownYears = new TreeSet<>(knownYears);
	}

	public DayType dayType(LocalDate date) {
		DayType listed = official.get(date);
		if (listed != null) {
			return listed;
		}
		if (!isKnownYear(date.getYear()) && FIXED_HOLIDAYS.contains(MonthDay.from(date))) {
			return DayType.HOLIDAY;
		}
		DayOfWeek dow = date.getDayOfWeek();
		return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayType.WEEKEND : DayType.WORKDAY;
	}

	public boolean isWorkingDay(LocalDate date) {
		return dayType(date).working();
	}

	public boolean isKnownYear(int year) {
		return knownYears.contains(year);
	}

	/** Whether an answer about this date rests on provisional (weekends-only) rules. */
	public boolean isProvisional(LocalDate date) {
		return !isKnownYear(date.getYear());
	}

	public Set<Integer> knownYears() {
		return Set.copyOf(knownYears);
	}

	/** The first working day strictly after {@code date}. */
	public LocalDate nextWorkingDay(LocalDate date) {
		LocalDate d = date.plusDays(1);
		while (!isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	/** {@code date} itself if it is a working day, else the first working day after it. */
	public LocalDate onOrNextWorkingDay(LocalDate date) {
		return isWorkingDay(date) ? date : nextWorkingDay(date);
	}

	/** Computes when a period ends, under the counting rules above. */
	public Deadline.Due due(Deadline deadline) {
		LocalDate start = deadline.start().toLocalDate();
		return switch (deadline.unit()) {
			case WORKING_DAYS -> {
				LocalDate d = start;
				for (int i = 0; i < deadline.amount(); i++) {
					d = nextWorkingDay(d);
				}
				yield new Deadline.Due(d, null, provisionalBetween(start, d));
			}
			case CALENDAR_DAYS -> {
				LocalDate last = start.plusDays(deadline.amount());
				LocalDate d = onOrNextWorkingDay(last);
				yield new Deadline.Due(d, null, provisionalBetween(last, d));
			}
			case MONTHS -> {
				LocalDate last = start.plusMonths(deadline.amount());
				LocalDate d = onOrNextWorkingDay(last);
				yield new Deadline.Due(d, null, provisionalBetween(last, d));
			}
			case HOURS -> {
				LocalDateTime end = deadline.start().truncatedTo(ChronoUnit.HOURS).plusHours(1L + deadline.amount());
				yield new Deadline.Due(end.toLocalDate(), end, false);
			}
		};
	}

	/** Working days strictly after {@code from} up to and including {@code to}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int n = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				n++;
			}
		}
		return n;
	}

	/** Each day from {@code from} to {@code to} inclusive with its type. */
	public List<Day> days(LocalDate from, LocalDate to) {
		List<Day> days = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			days.add(new Day(d, dayType(d), isProvisional(d)));
		}
		return days;
	}

	private boolean provisionalBetween(LocalDate from, LocalDate to) {
		for (int y = from.getYear(); y <= to.getYear(); y++) {
			if (!isKnownYear(y)) {
				return true;
			}
		}
		return false;
	}

	/** One calendar day and its type. */
	public record Day(LocalDate date, DayType type, boolean provisional) {
		public boolean working() {
			return type.working();
		}
	}
}
