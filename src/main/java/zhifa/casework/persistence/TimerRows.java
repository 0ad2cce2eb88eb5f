package zhifa.casework.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.casework.CaseTimer;
import zhifa.casework.TimerPause;
import zhifa.casework.TimerType;
import zhifa.shared.DeadlineUnit;

/** Case timers ({@code case_timer}) and their paused periods ({@code case_timer_pause}). */
@Repository
public class TimerRows {

	/** A running timer past its due day, with what the record and the event need. */
	public record Overdue(long timerId, long caseId, String type, LocalDate due, String legalSource) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	TimerRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a running timer and returns it as written (running, not closed, never extended). */
	public CaseTimer insert(long caseId, TimerType type, Long ref, String label, int amount, String legalSource, LocalDate start, LocalDate due,
			boolean provisional) {
		long id = jdbc.getJdbcTemplate().queryForObject("""
				insert into case_timer (case_id, kind, ref, label, unit, amount, legal_source, start_date, due_date, provisional, state)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING') returning id""", Long.class, caseId, type.name(), ref, label, type.unit().name(), amount,
				legalSource, start, due, provisional);
		return new CaseTimer(id, type, label, type.unit(), amount, legalSource, start, due, provisional, CaseTimer.State.RUNNING, null, 0);
	}

	public void extended(long timerId, LocalDate due, int amount, boolean provisional) {
		jdbc.update("update case_timer set due_date = :d, amount = amount + :a, extended = extended + 1, provisional = :p where id = :id",
				new MapSqlParameterSource().addValue("d", due).addValue("a", amount).addValue("p", provisional).addValue("id", timerId));
	}

	/** The timer counted afresh from {@code start}: running, its earlier extensions and closing gone (the record keeps them). */
	public void restarted(long timerId, LocalDate start, LocalDate due, int amount, String legalSource, boolean provisional) {
		jdbc.update("""
				update case_timer set start_date = :s, due_date = :d, amount = :a, legal_source = :src, extended = 0, provisional = :p, state = 'RUNNING',
				  closed_on = null
				where id = :id""", new MapSqlParameterSource().addValue("s", start).addValue("d", due).addValue("a", amount).addValue("src", legalSource)
			.addValue("p", provisional).addValue("id", timerId));
	}

	/** A missed timer running again (nothing when it is not missed). */
	public void reopen(long timerId) {
		jdbc.update("update case_timer set state = 'RUNNING', closed_on = null where id = :id and state = 'MISSED'", Map.of("id", timerId));
	}

	public void state(long timerId, CaseTimer.State state, LocalDate closedOn) {
		jdbc.update("update case_timer set state = :s, closed_on = :d where id = :id",
				new MapSqlParameterSource().addValue("s", state.name()).addValue("d", closedOn).addValue("id", timerId));
	}

	public void paused(long timerId, LocalDate from, String reason) {
		jdbc.update("update case_timer set state = 'PAUSED' where id = :id", Map.of("id", timerId));
		jdbc.update("insert into case_timer_pause (timer_id, paused_on, reason) values (:t, :d, :r)", Map.of("t", timerId, "d", from, "r", reason));
	}

	public LocalDate pausedOn(long timerId) {
		return jdbc.queryForObject("select paused_on from case_timer_pause where timer_id = :t and resumed_on is null", Map.of("t", timerId),
				LocalDate.class);
	}

	/** Running again from {@code on}, due {@code due} — provisional if it was, or if the new day rests on a year not yet known. */
	public void resumed(long timerId, LocalDate on, LocalDate due, boolean provisional) {
		jdbc.update("update case_timer_pause set resumed_on = :d where timer_id = :t and resumed_on is null", Map.of("d", on, "t", timerId));
		jdbc.update("update case_timer set state = 'RUNNING', due_date = :due, provisional = provisional or :p where id = :id",
				Map.of("due", due, "p", provisional, "id", timerId));
	}

	public List<TimerPause> pauses(long caseId) {
		return jdbc.query("""
				select t.label, p.paused_on, p.resumed_on, p.reason from case_timer_pause p join case_timer t on t.id = p.timer_id
				where t.case_id = :c order by p.id""", Map.of("c", caseId),
				(rs, i) -> new TimerPause(rs.getString(1), rs.getDate(2).toLocalDate(), CaseRows.date(rs, "resumed_on"), rs.getString(4)));
	}

	public Optional<CaseTimer> find(long caseId, String type, Long ref, Function<String, TimerType> types) {
		return jdbc.query("select * from case_timer where case_id = :c and kind = :k and " + (ref == null ? "ref is null" : "ref = :r"),
				new MapSqlParameterSource().addValue("c", caseId).addValue("k", type).addValue("r", ref), (rs, i) -> row(rs, types)).stream().findFirst();
	}

	public List<CaseTimer> of(long caseId, Function<String, TimerType> types) {
		return jdbc.query("select * from case_timer where case_id = :c order by start_date, id", Map.of("c", caseId), (rs, i) -> row(rs, types));
	}

	/** The timers of many cases: one index lookup per case, whatever the planner's statistics say (see {@link #caseIds}). */
	static final String OF_CASES = "select t.* from unnest(cast(:ids as bigint[])) as k(id) "
			+ "cross join lateral (select * from case_timer where case_id = k.id offset 0) t order by t.case_id, t.start_date, t.id";

	public Map<Long, List<CaseTimer>> of(Collection<Long> caseIds, Function<String, TimerType> types) {
		Map<Long, List<CaseTimer>> all = new HashMap<>();
		if (!caseIds.isEmpty()) {
			jdbc.query(OF_CASES, Map.of("ids", caseIds(caseIds)), (ResultSet rs) -> {
				all.computeIfAbsent(rs.getLong("case_id"), k -> new java.util.ArrayList<>()).add(row(rs, types));
			});
		}
		return all;
	}

	/**
	 * The ids as one array parameter, each once. Many cases' rows are read through {@code unnest} and a lateral
	 * lookup by case, fenced with {@code offset 0} so that it stays one index lookup per case: an {@code in} list or a
	 * plain join is planned from the column's statistics, and before a fast-growing table has been analyzed (a new
	 * installation, a bulk load) PostgreSQL assumes 200 distinct cases and scans the whole table — seen in the write
	 * benchmark, where the ledger queue's batch read all timers in about half the runs.
	 */
	static Long[] caseIds(Collection<Long> caseIds) {
		return caseIds.stream().distinct().toArray(Long[]::new);
	}

	/** For each case, its running timer due soonest. */
	public Map<Long, CaseTimer> nearestRunning(Collection<Long> caseIds, Function<String, TimerType> types) {
		Map<Long, CaseTimer> nearest = new HashMap<>();
		if (caseIds.isEmpty()) {
			return nearest;
		}
		jdbc.query("select t.* from unnest(cast(:ids as bigint[])) as k(id) cross join lateral "
				+ "(select * from case_timer where case_id = k.id and state = 'RUNNING' order by due_date, id limit 1) t",
				Map.of("ids", caseIds(caseIds)), (ResultSet rs) -> {
					nearest.put(rs.getLong("case_id"), row(rs, types));
				});
		return nearest;
	}

	/** For each case, its missed timers (the earliest day first). */
	public Map<Long, List<CaseTimer>> missed(Collection<Long> caseIds, Function<String, TimerType> types) {
		Map<Long, List<CaseTimer>> missed = new HashMap<>();
		if (caseIds.isEmpty()) {
			return missed;
		}
		jdbc.query("select t.* from unnest(cast(:ids as bigint[])) as k(id) cross join lateral (select * from case_timer where case_id = k.id and state = 'MISSED' offset 0) t "
				+ "order by t.case_id, t.due_date, t.id", Map.of("ids", caseIds(caseIds)), (ResultSet rs) -> {
					missed.computeIfAbsent(rs.getLong("case_id"), k -> new java.util.ArrayList<>()).add(row(rs, types));
				});
		return missed;
	}

	/** The party's windows that ran out before today are met: the right lapsed, nobody was late. */
	public void windowsLapsed(LocalDate today, Collection<String> windowTypes) {
		jdbc.update("update case_timer set state = 'MET', closed_on = due_date where state = 'RUNNING' and due_date < :today and kind in (:w)",
				new MapSqlParameterSource().addValue("today", today).addValue("w", windowTypes));
	}

	/** The running timers due before today, locked for the caller's transaction. */
	public List<Overdue> overdue(LocalDate today) {
		return jdbc.query("select id, case_id, kind, due_date, legal_source from case_timer where state = 'RUNNING' and due_date < :today for update",
				Map.of("today", today), (rs, i) -> new Overdue(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5)));
	}

	private static CaseTimer row(ResultSet rs, Function<String, TimerType> types) throws SQLException {
		return row(rs, "", types);
	}

	/** The columns a timer is made of, selected as {@code <prefix><column>} by a read that joins the timer as {@code t}. */
	static final List<String> COLUMNS = List.of("id", "kind", "label", "unit", "amount", "legal_source", "start_date", "due_date", "provisional", "state",
			"closed_on", "extended");

	/** One way to make a timer from its row, whether read alone or with its case (columns named {@code <prefix><column>}). */
	static CaseTimer row(ResultSet rs, String prefix, Function<String, TimerType> types) throws SQLException {
		return new CaseTimer(rs.getLong(prefix + "id"), types.apply(rs.getString(prefix + "kind")), rs.getString(prefix + "label"),
				DeadlineUnit.valueOf(rs.getString(prefix + "unit")), rs.getInt(prefix + "amount"), rs.getString(prefix + "legal_source"),
				rs.getObject(prefix + "start_date", LocalDate.class), rs.getObject(prefix + "due_date", LocalDate.class), rs.getBoolean(prefix + "provisional"),
				CaseTimer.State.valueOf(rs.getString(prefix + "state")), CaseRows.date(rs, prefix + "closed_on"), rs.getInt(prefix + "extended"));
	}
}
