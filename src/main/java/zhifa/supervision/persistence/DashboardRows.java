package zhifa.supervision.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.supervision.Act;
import zhifa.supervision.Dashboard;

/**
 * The dashboard's reads over {@code sv_act}. An act belongs to the year of its latest step (decided, else filed, else
 * received, else the act itself); fines and confiscations count decided penalties.
 */
@Repository
public class DashboardRows {

	/** A body's figures before the officer module's rates are added. */
	public record BodyFigures(long bodyId, String bodyName, String regionName, String regionPath, long acts, long decided, long penalties, long fines,
			long confiscations, BigDecimal averageDays, Integer longestDays, long filed, long overdue, long challenged, long concluded, long corrected) {
	}

	public record Stage(String stage, long count) {
	}

	private static final String DAY = "coalesce(a.decided_on, a.filed_on, a.received_on, a.act_date)";

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;

	DashboardRows(NamedParameterJdbcTemplate jdbc, BodyScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	private String where(DataScope scope, int year, Map<String, Object> p) {
		p.put("from", LocalDate.of(year, 1, 1));
		p.put("to", LocalDate.of(year + 1, 1, 1));
		return scopes.sqlCondition(scope, "a.body_id", p) + " and " + DAY + " >= :from and " + DAY + " < :to";
	}

	private String summaryWhere(DataScope scope, int year, Map<String, Object> p) {
		p.put("from", LocalDate.of(year, 1, 1));
		p.put("to", LocalDate.of(year + 1, 1, 1));
		return scopes.sqlCondition(scope, "m.body_id", p) + " and m.month >= :from and m.month < :to";
	}

	/**
	 * Each body's figures for the year from the summary, with the undecided acts past their decision day counted today
	 * (from the tally of undecided acts by due day, as of the summaries' last refresh).
	 */
	public List<BodyFigures> bodies(DataScope scope, int year, LocalDate today, int decisionDays, Long onlyBody) {
		Map<String, Object> p = new HashMap<>();
		String where = summaryWhere(scope, year, p) + (onlyBody == null ? "" : " and m.body_id = :only");
		if (onlyBody != null) {
			p.put("only", onlyBody);
		}
		p.put("late", today.minusDays(decisionDays));
		p.put("today", today);
		p.put("days", decisionDays);
		return jdbc.query("""
				with figures as (
				  select m.body_id, sum(m.acts) as acts, sum(m.decided) as decided, sum(m.penalties) as penalties, sum(m.fines) as fines,
				    sum(m.confiscations) as confiscations, round(sum(m.days_sum)::numeric / nullif(sum(m.days_n), 0), 1) as average_days,
				    max(m.longest) as longest_days, sum(m.days_n) as decided_filed, sum(m.decided_late) as decided_late, sum(m.challenged) as challenged,
				    sum(m.concluded) as concluded, sum(m.corrected) as corrected
				  from sv_act_month m where\s""" + where + """
				  group by m.body_id),
				undecided as (
				  select u.body_id, sum(u.acts) as open, coalesce(sum(u.acts) filter (where u.decision_due < :today), 0) as late
				  from sv_act_undecided_due u
				  where u.month >= :from and u.month < :to
				    and u.body_id in (select body_id from figures) group by u.body_id)
				select b.id, b.name, b.region_name, b.region_path, f.acts, f.decided, f.penalties, f.fines, f.confiscations, f.average_days, f.longest_days,
				  f.decided_filed + coalesce(u.open, 0) as filed, f.decided_late + coalesce(u.late, 0) as overdue, f.challenged, f.concluded, f.corrected
				from figures f join body_view b on b.id = f.body_id left join undecided u on u.body_id = f.body_id
				order by f.acts desc, b.name""", p,
				(rs, i) -> new BodyFigures(rs.getLong("id"), rs.getString("name"), rs.getString("region_name"), rs.getString("region_path"), rs.getLong("acts"),
						rs.getLong("decided"),
						rs.getLong("penalties"), rs.getLong("fines"), rs.getLong("confiscations"), rs.getBigDecimal("average_days"),
						(Integer) rs.getObject("longest_days"), rs.getLong("filed"), rs.getLong("overdue"), rs.getLong("challenged"), rs.getLong("concluded"),
						rs.getLong("corrected")));
	}

	public BigDecimal averageDays(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.queryForObject("select round(sum(m.days_sum)::numeric / nullif(sum(m.days_n), 0), 1) from sv_act_month m where " + summaryWhere(scope, year, p),
				p, BigDecimal.class);
	}

	public List<Dashboard.Month> months(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		return monthly(summaryWhere(scope, year, p), p);
	}

	public List<Dashboard.Month> bodyMonths(long bodyId, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("b", bodyId);
		return monthly("m.body_id = :b and " + summaryWhere(DataScope.all(), year, p), p);
	}

	private List<Dashboard.Month> monthly(String where, Map<String, Object> p) {
		return jdbc.query("select to_char(m.month, 'YYYY-MM') as m, sum(m.acts) as acts, sum(m.decided) as decided, sum(m.fines) as fines "
				+ "from sv_act_month m where " + where + " group by 1 order by 1", p,
				(rs, i) -> new Dashboard.Month(rs.getString("m"), rs.getLong("acts"), rs.getLong("decided"), rs.getLong("fines")));
	}

	public List<Stage> stages(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query("select m.stage, sum(m.acts) from sv_act_month m where " + summaryWhere(scope, year, p) + " group by m.stage order by 2 desc", p,
				(rs, i) -> new Stage(rs.getString(1), rs.getLong(2)));
	}

	/** The summary tables and the views they are computed from (the same definitions the materialized views had). */
	private static final List<String> SUMMARIES = List.of("sv_act_month", "sv_act_undecided_due", "sv_act_year_tally");

	/** The monthly summary's columns, and its sums added up from differences (all but the longest time, a maximum). */
	private static final String MONTH_COLUMNS = "body_id, month, stage, acts, decided, penalties, fines, confiscations, days_sum, days_n, longest, "
			+ "decided_late, challenged, concluded, corrected";
	private static final String MONTH_SUMS = java.util.stream.Stream.of("acts", "decided", "penalties", "fines", "confiscations", "days_sum", "days_n",
			"decided_late", "challenged", "concluded", "corrected").map(c -> c + " = sv_act_month." + c + " + excluded." + c)
		.collect(java.util.stream.Collectors.joining(", "));

	/** The yearly tally's group columns (its unique key). */
	private static final String YEAR_GROUP = "body_id, year, kind, decision_outcome, decided_year, penalty_types, checked_year, measures";

	/**
	 * Brings the summaries up to the ledger for what changed since the last time, at most {@code maxNotes} notes of it
	 * (V98, V105): the differences the writes of the ledger made to the three summaries are added up; a month the database
	 * noted (a decided act in it changed or went, so its longest time may shrink) is recomputed from its own acts and a body
	 * noted as a whole (an act without any date; notes from before V98) is recomputed whole, their differences dropped. In one repeatable-read transaction whose
	 * snapshot is taken after the refresh lock (so after the previous refresh committed): the notes and differences it
	 * takes are exactly those of the changes its recompute sees; a change committed meanwhile leaves its own for the next
	 * time. Without the requests' statement timeout. Readers keep reading the previous rows until this commits; a failure
	 * puts everything back. One refresh at a time across the nodes (the next waits). Returns the notes taken.
	 */
	@org.springframework.transaction.annotation.Transactional(isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	public int refreshChangedBodies(int maxNotes) {
		var t = jdbc.getJdbcTemplate();
		t.execute("set local statement_timeout = 0");
		// before the first query: the snapshot is taken after the lock
		t.execute("lock table sv_summary_refresh_lock in exclusive mode");
		List<Long> wholeBodies = new java.util.ArrayList<>();
		java.util.Set<java.util.Map.Entry<Long, LocalDate>> months = new java.util.LinkedHashSet<>();
		int[] notes = new int[1];
		t.query("delete from sv_summary_dirty where id in (select id from sv_summary_dirty order by id limit ?) returning body_id, month, whole", rs -> {
			notes[0]++;
			LocalDate month = rs.getObject(2, LocalDate.class);
			if (rs.getBoolean(3) || month == null) {
				// a note from before V98, or an act without any date (its null month is recomputed with the body)
				wholeBodies.add(rs.getLong(1));
			}
			else {
				months.add(new java.util.AbstractMap.SimpleImmutableEntry<>(rs.getLong(1), month));
			}
		}, maxNotes);
		if (!wholeBodies.isEmpty()) {
			Long[] bodies = wholeBodies.stream().distinct().sorted().toArray(Long[]::new);
			t.update("delete from sv_act_year_delta where body_id = any(?)", (Object) bodies);
			t.update("delete from sv_act_undecided_delta where body_id = any(?)", (Object) bodies);
			for (String summary : SUMMARIES) {
				t.update("delete from " + summary + " where body_id = any(?)", (Object) bodies);
				t.update("insert into " + summary + " select * from " + summary + "_source where body_id = any(?)", (Object) bodies);
			}
			months.removeIf(m -> wholeBodies.contains(m.getKey()));
		}
		Long[] monthBodies = months.stream().map(java.util.Map.Entry::getKey).toArray(Long[]::new);
		String[] starts = months.stream().map(m -> m.getValue().toString()).toArray(String[]::new);
		if (!months.isEmpty()) {
			t.update("delete from sv_act_month s using unnest(?::bigint[], ?::date[]) k(b, m) where s.body_id = k.b and s.month = k.m", monthBodies, starts);
			t.update("insert into sv_act_month select r.* from unnest(?::bigint[], ?::date[]) k(b, m)"
					+ " cross join lateral sv_act_month_rows(k.b, k.m, (k.m + interval '1 month')::date) r", monthBodies, starts);
		}
		// the months' differences (V105), but those of the months and bodies just recomputed, which the recompute has seen
		t.update("with d as (delete from sv_act_month_delta returning *) insert into sv_act_month (" + MONTH_COLUMNS + ") select body_id, month, stage, "
				+ "sum(acts), sum(decided), sum(penalties), sum(fines), sum(confiscations), sum(days_sum), sum(days_n), max(longest), sum(decided_late), "
				+ "sum(challenged), sum(concluded), sum(corrected) from d where body_id <> all(?::bigint[]) "
				+ "and (body_id, month) not in (select * from unnest(?::bigint[], ?::date[])) group by 1, 2, 3 on conflict (body_id, month, stage) do update set "
				+ MONTH_SUMS + ", longest = greatest(sv_act_month.longest, excluded.longest)",
				(Object) wholeBodies.stream().distinct().toArray(Long[]::new), monthBodies, starts);
		t.update("delete from sv_act_month where acts = 0");
		// the differences of every write the snapshot sees, added up (each exactly once: taken as they are added)
		t.update("with d as (delete from sv_act_year_delta returning *) insert into sv_act_year_tally (" + YEAR_GROUP + ", acts, money) select " + YEAR_GROUP
				+ ", sum(acts), sum(money) from d group by " + YEAR_GROUP + " on conflict (" + YEAR_GROUP
				+ ") do update set acts = sv_act_year_tally.acts + excluded.acts, money = sv_act_year_tally.money + excluded.money");
		t.update("delete from sv_act_year_tally where acts = 0");
		t.update("with d as (delete from sv_act_undecided_delta returning *) insert into sv_act_undecided_due (body_id, month, decision_due, acts)"
				+ " select body_id, month, decision_due, sum(acts) from d group by 1, 2, 3"
				+ " on conflict (body_id, month, decision_due) do update set acts = sv_act_undecided_due.acts + excluded.acts");
		t.update("delete from sv_act_undecided_due where acts = 0");
		return notes[0];
	}

	/**
	 * Recomputes every body's summaries and takes every note and difference (after a bulk load: cheaper than change by
	 * change), in one repeatable-read transaction after the refresh lock, like {@link #refreshChangedBodies}.
	 */
	@org.springframework.transaction.annotation.Transactional(isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	public void refreshAll() {
		var t = jdbc.getJdbcTemplate();
		t.execute("set local statement_timeout = 0");
		t.execute("lock table sv_summary_refresh_lock in exclusive mode");
		t.execute("delete from sv_summary_dirty");
		t.execute("delete from sv_act_month_delta");
		t.execute("delete from sv_act_year_delta");
		t.execute("delete from sv_act_undecided_delta");
		for (String summary : SUMMARIES) {
			t.execute("delete from " + summary);
			t.execute("insert into " + summary + " select * from " + summary + "_source");
		}
	}

	/** Open alerts of the bodies in the scope, by body and rule. */
	public List<Dashboard.AlertCell> openAlerts(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query("select x.body_id, b.name, x.rule_code, x.n, b.region_path from (select a.body_id, a.rule_code, count(*) as n from sv_alert a "
				+ "where a.state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED') and " + scopes.sqlCondition(scope, "a.body_id", p)
				+ " group by a.body_id, a.rule_code) x join body_view b on b.id = x.body_id", p,
				(rs, i) -> new Dashboard.AlertCell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
	}

	public boolean covers(DataScope scope, long bodyId) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", bodyId);
		return jdbc.queryForObject("select count(*) from body_view a where a.id = :id and " + scopes.sqlCondition(scope, "a.id", p), p, Long.class) > 0;
	}

	public List<Act> acts(long bodyId, int year, int offset, int limit) {
		Map<String, Object> p = new HashMap<>();
		p.put("b", bodyId);
		p.put("offset", offset);
		p.put("limit", limit);
		return jdbc.query("select a.* from sv_act a where a.body_id = :b and " + where(DataScope.all(), year, p) + " order by " + DAY
				+ " desc, a.id desc offset :offset limit :limit", p, (rs, i) -> ActRows.row(rs));
	}

	public long actCount(long bodyId, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("b", bodyId);
		return jdbc.queryForObject("select count(*) from sv_act a where a.body_id = :b and " + where(DataScope.all(), year, p), p, Long.class);
	}

	public Optional<Act> act(long id) {
		return jdbc.query("select * from sv_act where id = :id", Map.of("id", id), (rs, i) -> ActRows.row(rs)).stream().findFirst();
	}
}
