/**
 * 工作日历 administration: the official holiday notices stored in the database, the one
 * {@link zhifa.shared.WorkdayCalendar} built from them, and the deadline API for other systems.
 * (The calendar and deadline types themselves are kernel types in {@code zhifa.shared}.)
 * <p>
 * Owns the tables {@code calendar_day}, {@code calendar_year}.
 */
package zhifa.calendar;
