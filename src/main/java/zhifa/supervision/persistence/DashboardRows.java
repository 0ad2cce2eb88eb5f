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
			long confiscations, BigDecimal averageDays, Integer longestDays, long overdue, long challenged, long concluded, long corrected) {
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
				    max(m.longest) as longest_days, sum(m.decided_late) as decided_late, sum(m.challenged) as challenged,
				    sum(m.concluded) as concluded, sum(m.corrected) as corrected
				  from sv_act_month m where\s""" + where + """
				  group by m.body_id),
				undecided as (
				  select u.body_id, sum(u.acts) as late from sv_act_undecided_due u
				  where u.month >= :from and u.month < :to and u.decision_due < :today
				    and u.body_id in (select body_id from figures) group by u.body_id)
				select b.id, b.name, b.region_name, b.region_path, f.acts, f.decided, f.penalties, f.fines, f.confiscations, f.average_days, f.longest_days,
				  f.decided_late + coalesce(u.late, 0) as overdue, f.challenged, f.concluded, f.corrected
				from figures f join body_view b on b.id = f.body_id left join undecided u on u.body_id = f.body_id
				order by f.acts desc, b.name""", p,
				(rs, i) -> new BodyFigures(rs.getLong("id"), rs.getString("name"), rs.getString("region_name"), rs.getString("region_path"), rs.getLong("acts"),
						rs.getLong("decided"),
						rs.getLong("penalties"), rs.getLong("fines"), rs.getLong("confiscations"), rs.getBigDecimal("average_days"),
						(Integer) rs.getObject("longest_days"), rs.getLong("overdue"), rs.getLong("challenged"), rs.getLong("concluded"),
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

	/**
	 * Brings the summaries up to the ledger for the bodies whose acts changed since the last time (noted in
	 * {@code sv_summary_dirty} by the database for every write of the ledger), at most {@code maxBodies} of them: their
	 * notes taken first, then their rows recomputed from the source views, in one transaction without the requests'
	 * statement timeout. A note taken was committed with its change, so the recompute (later statements) sees the change;
	 * a change committed meanwhile leaves a note for the next time. Readers keep reading the previous rows until this
	 * commits; a failure puts the notes back. One refresh at a time across the nodes (the next waits). Returns the bodies
	 * done.
	 */
	@org.springframework.transaction.annotation.Transactional
	public int refreshChangedBodies(int maxBodies) {
		jdbc.getJdbcTemplate().execute("set local statement_timeout = 0");
		jdbc.getJdbcTemplate().execute("select pg_advisory_xact_lock(hashtext('sv_summary_refresh'))");
		List<Long> bodies = jdbc.queryForList("""
				delete from sv_summary_dirty where body_id in (select distinct body_id from sv_summary_dirty order by body_id limit :n)
				returning body_id""", Map.of("n", maxBodies), Long.class).stream().distinct().sorted().toList();
		if (bodies.isEmpty()) {
			return 0;
		}
		Map<String, Object> p = Map.of("bodies", bodies.toArray(Long[]::new));
		for (String summary : SUMMARIES) {
			jdbc.update("delete from " + summary + " where body_id = any(:bodies)", p);
			jdbc.update("insert into " + summary + " select * from " + summary + "_source where body_id = any(:bodies)", p);
		}
		return bodies.size();
	}

	/**
	 * Recomputes every body's summaries and takes every note (after a bulk load: cheaper than body by body), in one
	 * transaction; waits for a refresh running on any node.
	 */
	@org.springframework.transaction.annotation.Transactional
	public void refreshAll() {
		jdbc.getJdbcTemplate().execute("set local statement_timeout = 0");
		jdbc.getJdbcTemplate().execute("select pg_advisory_xact_lock(hashtext('sv_summary_refresh'))");
		jdbc.getJdbcTemplate().execute("delete from sv_summary_dirty");
		for (String summary : SUMMARIES) {
			jdbc.getJdbcTemplate().execute("delete from " + summary);
			jdbc.getJdbcTemplate().execute("insert into " + summary + " select * from " + summary + "_source");
		}
	}

	/** Open alerts of the bodies in the scope, by body and rule. */
	public List<Dashboard.AlertCell> openAlerts(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query("select x.body_id, b.name, x.rule_code, x.n from (select a.body_id, a.rule_code, count(*) as n from sv_alert a "
				+ "where a.state in ('NEW', 'SUPERVISED', 'EXPLAINED', 'RECTIFIED') and " + scopes.sqlCondition(scope, "a.body_id", p)
				+ " group by a.body_id, a.rule_code) x join body_view b on b.id = x.body_id", p,
				(rs, i) -> new Dashboard.AlertCell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
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
