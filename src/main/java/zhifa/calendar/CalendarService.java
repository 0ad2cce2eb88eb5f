package zhifa.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DayType;
import zhifa.shared.Deadline;
import zhifa.shared.WorkdayCalendar;

/**
 * Holds the platform's one {@link WorkdayCalendar}, built from the notices in the database, and lets the platform
 * administrator add a year's notice. Every module asks this service for deadlines.
 */
@Service
public class CalendarService {

	private final JdbcTemplate jdbc;
	private final FullProcessRecord record;
	private final AtomicReference<WorkdayCalendar> current = new AtomicReference<>();

	CalendarService(JdbcTemplate jdbc, FullProcessRecord record) {
		this.jdbc = jdbc;
		this.record = record;
	}

	public WorkdayCalendar calendar() {
		WorkdayCalendar c = current.get();
		if (c == null) {
			c = load();
			current.set(c);
		}
		return c;
	}

	public Deadline.Due due(Deadline deadline) {
		return calendar().due(deadline);
	}

	/** The known years with their notices' sources and how many days each lists. */
	public List<YearSummary> years() {
		return jdbc.query("""
				select y.year, y.source, y.added_at,
				  count(d.day) filter (where d.type = 'HOLIDAY') as holidays,
				  count(d.day) filter (where d.type = 'ADJUSTED_WORKDAY') as workdays
				from calendar_year y left join calendar_day d on d.year = y.year
				group by y.year, y.source, y.added_at order by y.year""",
				(rs, i) -> new YearSummary(rs.getInt("year"), rs.getString("source"), rs.getInt("holidays"),
						rs.getInt("workdays")));
	}

	public record YearSummary(int year, String source, int holidays, int adjustedWorkdays) {
	}

	/** Adds the notice of a year not yet known. A known year is refused (notices are not rewritten silently). */
	@Transactional
	public void addYear(HolidayNotice notice) {
		Integer exists = jdbc.queryForObject("select count(*) from calendar_year where year = ?", Integer.class,
				notice.year());
		if (exists > 0) {
			throw BusinessRuleViolation.onField("year", notice.year() + " 年的节假日安排已录入，不能重复录入");
		}
		for (HolidayNotice.Entry e : notice.entries()) {
			Integer taken = jdbc.queryForObject("select count(*) from calendar_day where day = ?", Integer.class,
					java.sql.Date.valueOf(e.date()));
			if (taken > 0) {
				throw new BusinessRuleViolation("日期 " + e.date() + " 已在其他年份的通知中");
			}
		}
		jdbc.update("insert into calendar_year (year, source) values (?, ?)", notice.year(), notice.source());
		jdbc.batchUpdate("insert into calendar_day (day, type, name, source, year) values (?, ?, ?, ?, ?)",
				notice.entries(), 200, (ps, e) -> {
					ps.setObject(1, e.date());
					ps.setString(2, e.type().name());
					ps.setString(3, e.name());
					ps.setString(4, notice.source());
					ps.setInt(5, notice.year());
				});
		record.append("calendar_year", notice.year(), null, "calendar.year_added",
				"录入" + notice.year() + "年节假日安排（" + notice.source() + "）",
				Map.of("year", notice.year(), "source", notice.source(), "days",
						notice.entries().stream().map(e -> e.date() + " " + e.type().label() + " " + e.name()).toList()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				current.set(null);
			}
		});
	}

	private WorkdayCalendar load() {
		Map<LocalDate, DayType> days = new HashMap<>();
		jdbc.query("select day, type from calendar_day", rs -> {
			days.put(rs.getDate(1).toLocalDate(), DayType.valueOf(rs.getString(2)));
		});
		List<Integer> years = jdbc.queryForList("select year from calendar_year", Integer.class);
		return new WorkdayCalendar(days, years);
	}
}
