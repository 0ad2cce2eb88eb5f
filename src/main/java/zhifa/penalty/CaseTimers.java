package zhifa.penalty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import zhifa.calendar.CalendarService;
import zhifa.record.FullProcessRecord;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;

/**
 * The timers of cases. Every due date comes from the one deadline computation ({@link CalendarService#due}) with the
 * official holiday calendar; a timer past due is marked missed, recorded and published as {@link DeadlineMissed}.
 */
@Component
class CaseTimers {

	private final NamedParameterJdbcTemplate jdbc;
	private final CalendarService calendar;
	private final FullProcessRecord record;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseTimers(NamedParameterJdbcTemplate jdbc, CalendarService calendar, FullProcessRecord record, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.record = record;
		this.events = events;
		this.clock = clock;
	}

	/** Starts a timer of {@code amount} units from {@code start} (the day of the triggering event; counting begins the next day). */
	void start(long caseId, TimerKind kind, LocalDate start, int amount) {
		start(caseId, kind, null, kind.label(), start, amount);
	}

	/** A timer of one measure of the case ({@code ref}), with its own label. */
	void start(long caseId, TimerKind kind, Long ref, String label, LocalDate start, int amount) {
		Deadline.Due due = calendar.due(Deadline.of(start, amount, kind.unit(), kind.source()));
		jdbc.update("""
				insert into penalty_case_timer (case_id, kind, ref, label, unit, amount, legal_source, start_date, due_date, provisional, state)
				values (:c, :k, :ref, :l, :u, :a, :s, :start, :due, :p, 'RUNNING')""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("k", kind.name()).addValue("ref", ref).addValue("l", label)
					.addValue("u", kind.unit().name()).addValue("a", amount).addValue("s", kind.source()).addValue("start", start).addValue("due", due.date())
					.addValue("p", due.provisional()));
	}

	/** Extends a running timer by {@code amount} more units counted from its current due day. */
	LocalDate extend(long caseId, TimerKind kind, int amount) {
		return extend(get(caseId, kind), amount);
	}

	LocalDate extend(CaseTimer t, int amount) {
		Deadline.Due due = calendar.due(Deadline.of(t.due(), amount, t.unit(), t.legalSource()));
		jdbc.update("update penalty_case_timer set due_date = :d, amount = amount + :a, extended = extended + 1, provisional = :p where id = :id",
				new MapSqlParameterSource().addValue("d", due.date()).addValue("a", amount).addValue("p", due.provisional()).addValue("id", t.id()));
		return due.date();
	}

	/** The timer's event happened on {@code day}: met when on time, missed (and published) when late. */
	void close(long caseId, TimerKind kind, LocalDate day) {
		close(get(caseId, kind), day);
	}

	void close(CaseTimer t, LocalDate day) {
		if (t.state() != CaseTimer.State.RUNNING && t.state() != CaseTimer.State.PAUSED) {
			return;
		}
		jdbc.update("update penalty_case_timer set state = :s, closed_on = :d where id = :id",
				Map.of("s", day.isAfter(t.due()) ? "MISSED" : "MET", "d", day, "id", t.id()));
	}

	/** Stops the clock for an excluded period (听证、公告、检测鉴定、中止: 行政处罚法第六十条 and the procedure rules). */
	void pause(long caseId, TimerKind kind, LocalDate from, String reason) {
		CaseTimer t = get(caseId, kind);
		if (t.state() != CaseTimer.State.RUNNING) {
			return;
		}
		jdbc.update("update penalty_case_timer set state = 'PAUSED' where id = :id", Map.of("id", t.id()));
		jdbc.update("insert into penalty_timer_pause (timer_id, paused_on, reason) values (:t, :d, :r)", Map.of("t", t.id(), "d", from, "r", reason));
	}

	/** Restarts a paused timer: the due day moves by the days the clock stood still. */
	LocalDate resume(long caseId, TimerKind kind, LocalDate on) {
		CaseTimer t = get(caseId, kind);
		if (t.state() != CaseTimer.State.PAUSED) {
			return t.due();
		}
		LocalDate pausedOn = jdbc.queryForObject("select paused_on from penalty_timer_pause where timer_id = :t and resumed_on is null",
				Map.of("t", t.id()), LocalDate.class);
		long days = java.time.temporal.ChronoUnit.DAYS.between(pausedOn, on);
		LocalDate due = calendar.calendar().onOrNextWorkingDay(t.due().plusDays(days));
		jdbc.update("update penalty_timer_pause set resumed_on = :d where timer_id = :t and resumed_on is null", Map.of("d", on, "t", t.id()));
		jdbc.update("update penalty_case_timer set state = 'RUNNING', due_date = :due where id = :id", Map.of("due", due, "id", t.id()));
		return due;
	}

	/** The paused periods of a case's timers, for the case page. */
	List<Map<String, Object>> pauses(long caseId) {
		return jdbc.queryForList("""
				select t.label, p.paused_on, p.resumed_on, p.reason from penalty_timer_pause p join penalty_case_timer t on t.id = p.timer_id
				where t.case_id = :c order by p.id""", Map.of("c", caseId));
	}

	java.util.Optional<CaseTimer> find(long caseId, TimerKind kind) {
		return jdbc.query("select * from penalty_case_timer where case_id = :c and kind = :k and ref is null", Map.of("c", caseId, "k", kind.name()),
				(rs, i) -> row(rs)).stream().findFirst();
	}

	CaseTimer get(long caseId, TimerKind kind) {
		return find(caseId, kind).orElseThrow(() -> new IllegalStateException("no timer " + kind + " for case " + caseId));
	}

	CaseTimer ofMeasure(long caseId, TimerKind kind, long ref) {
		return jdbc.query("select * from penalty_case_timer where case_id = :c and kind = :k and ref = :r", Map.of("c", caseId, "k", kind.name(), "r", ref),
				(rs, i) -> row(rs)).stream().findFirst().orElseThrow(() -> new IllegalStateException("no timer " + kind + "/" + ref));
	}

	/** For each case, its running timer due soonest. */
	Map<Long, CaseTimer> nearestRunning(java.util.Collection<Long> caseIds) {
		Map<Long, CaseTimer> nearest = new java.util.HashMap<>();
		if (caseIds.isEmpty()) {
			return nearest;
		}
		jdbc.query("""
				select distinct on (case_id) * from penalty_case_timer where case_id in (:ids) and state = 'RUNNING' order by case_id, due_date, id""",
				Map.of("ids", caseIds), (java.sql.ResultSet rs) -> {
					nearest.put(rs.getLong("case_id"), row(rs));
				});
		return nearest;
	}

	List<CaseTimer> of(long caseId) {
		return jdbc.query("select * from penalty_case_timer where case_id = :c order by start_date, id", Map.of("c", caseId), (rs, i) -> row(rs));
	}

	/** Marks every running timer past its due day as missed, writes the record and publishes the event. */
	@Transactional
	public int markMissed() {
		LocalDate today = LocalDate.now(clock);
		jdbc.update("""
				update penalty_case_timer set state = 'MET', closed_on = due_date where state = 'RUNNING' and due_date < :today and kind in (:windows)""",
				new MapSqlParameterSource().addValue("today", today).addValue("windows",
						TimerKind.partyWindowNames()));
		var due = jdbc.queryForList("""
				select t.id, t.case_id, t.kind, t.due_date, t.legal_source, c.body_id, coalesce(c.case_number, '案源' || c.id) as label
				from penalty_case_timer t join penalty_case c on c.id = t.case_id where t.state = 'RUNNING' and t.due_date < :today for update of t""",
				Map.of("today", today));
		for (var r : due) {
			long caseId = ((Number) r.get("case_id")).longValue();
			TimerKind kind = TimerKind.valueOf((String) r.get("kind"));
			LocalDate dueDate = ((java.sql.Date) r.get("due_date")).toLocalDate();
			jdbc.update("update penalty_case_timer set state = 'MISSED' where id = :id", Map.of("id", r.get("id")));
			record.append("penalty_case", caseId, ((Number) r.get("body_id")).longValue(), "case.deadline_missed",
					kind.label() + "期限已过（应于 " + dueDate + " 前完成）", Map.of("timer", kind.label(), "due", dueDate.toString(), "source", r.get("legal_source")));
			events.publishEvent(new DeadlineMissed(caseId, ((Number) r.get("body_id")).longValue(), (String) r.get("label"), kind, dueDate,
					(String) r.get("legal_source")));
		}
		return due.size();
	}

	@Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "case-deadlines", lockAtMostFor = "PT30M")
	public void nightly() {
		markMissed();
	}

	private static CaseTimer row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CaseTimer(rs.getLong("id"), TimerKind.valueOf(rs.getString("kind")), rs.getString("label"), DeadlineUnit.valueOf(rs.getString("unit")),
				rs.getInt("amount"), rs.getString("legal_source"), rs.getDate("start_date").toLocalDate(), rs.getDate("due_date").toLocalDate(),
				rs.getBoolean("provisional"), CaseTimer.State.valueOf(rs.getString("state")),
				rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate(), rs.getInt("extended"));
	}
}
