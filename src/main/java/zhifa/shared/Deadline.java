package zhifa.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A legal period: what starts it, how long it is, in which unit, and the rule that sets it.
 * The due date is always computed by {@link WorkdayCalendar#due(Deadline)}; business code never adds days itself.
 *
 * @param start the moment the period starts (for day and month units only the date matters)
 * @param amount the length of the period, at least 1
 * @param unit the counting unit
 * @param legalSource the rule that sets the period, e.g. "行政处罚法第六十四条"
 */
public record Deadline(LocalDateTime start, int amount, DeadlineUnit unit, String legalSource) {

	public Deadline {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(unit, "unit");
		if (amount < 1) {
			throw new IllegalArgumentException("期限长度必须为正整数");
		}
		if (amount > 10_000) {
			throw new IllegalArgumentException("期限长度不能超过10000");
		}
	}

	public static Deadline of(LocalDate start, int amount, DeadlineUnit unit, String legalSource) {
		return new Deadline(start.atStartOfDay(), amount, unit, legalSource);
	}

	public static Deadline ofHours(LocalDateTime start, int hours, String legalSource) {
		return new Deadline(start, hours, DeadlineUnit.HOURS, legalSource);
	}

	/**
	 * When a period ends.
	 *
	 * @param date the last day of the period
	 * @param time the exact end for {@link DeadlineUnit#HOURS}, otherwise {@code null} (the end of {@code date})
	 * @param provisional true when the period touches a year whose holiday notice is not yet in the calendar
	 */
	public record Due(LocalDate date, LocalDateTime time, boolean provisional) {
	}
}
