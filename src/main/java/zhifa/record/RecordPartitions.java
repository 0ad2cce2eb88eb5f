package zhifa.record;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Keeps the monthly partitions of {@code record_entry} ahead of time: at start-up and every night, the current month and
 * the three after it exist ({@code record_ensure_month}, V86). An entry outside them is kept in the default partition,
 * never refused. Moving an old month to cold storage is the database administrator's decision:
 * {@code select record_archive_month('2024-01-01')} (the month stays verifiable, see {@link RecordVerifier}).
 */
@Component
public class RecordPartitions {

	private final JdbcTemplate jdbc;
	private final Clock clock;

	RecordPartitions(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		ensureAhead();
	}

	@Scheduled(cron = "0 30 0 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "record-partitions", lockAtMostFor = "PT10M")
	public void nightly() {
		ensureAhead();
	}

	/** The partitions of this month and the next three, as created or found. */
	public List<String> ensureAhead() {
		LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
		List<String> out = new ArrayList<>();
		for (int i = 0; i <= 3; i++) {
			out.add(jdbc.queryForObject("select record_ensure_month(?)", String.class, month.plusMonths(i)));
		}
		return out;
	}

	/** The monthly partitions attached now and the months archived, oldest first. */
	public List<String> partitions() {
		return jdbc.queryForList("""
				select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind = 'r' and c.relname like 'record_entry_y%' and n.nspname in (current_schema(), 'record_archive')
				order by c.relname""", String.class);
	}
}
