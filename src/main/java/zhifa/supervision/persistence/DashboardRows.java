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
	public record BodyFigures(long bodyId, String bodyName, String regionName, long acts, long decided, long penalties, long fines, long confiscations,
			BigDecimal averageDays, Integer longestDays, long overdue) {
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

	public List<BodyFigures> bodies(DataScope scope, int year, LocalDate today, int decisionDays) {
		Map<String, Object> p = new HashMap<>();
		String where = where(scope, year, p);
		p.put("today", today);
		p.put("days", decisionDays);
		return jdbc.query("""
				select b.id, b.name, b.region_name, count(a.id) as acts, count(a.decided_on) as decided,
				  count(*) filter (where a.decision_outcome = 'PENALTY') as penalties,
				  coalesce(sum(a.fine) filter (where a.decision_outcome = 'PENALTY'), 0) as fines,
				  coalesce(sum(coalesce(a.gains, 0) + coalesce(a.property_value, 0)) filter (where a.decision_outcome = 'PENALTY'), 0) as confiscations,
				  round(avg(a.decided_on - a.filed_on) filter (where a.decided_on is not null and a.filed_on is not null), 1) as average_days,
				  max(a.decided_on - a.filed_on) filter (where a.decided_on is not null and a.filed_on is not null) as longest_days,
				  count(*) filter (where a.filed_on is not null and coalesce(a.decided_on, :today) - a.filed_on > :days) as overdue
				from sv_act a join body_view b on b.id = a.body_id
				where\s""" + where + " group by b.id, b.name, b.region_name order by count(a.id) desc, b.name", p,
				(rs, i) -> new BodyFigures(rs.getLong("id"), rs.getString("name"), rs.getString("region_name"), rs.getLong("acts"), rs.getLong("decided"),
						rs.getLong("penalties"), rs.getLong("fines"), rs.getLong("confiscations"), rs.getBigDecimal("average_days"),
						(Integer) rs.getObject("longest_days"), rs.getLong("overdue")));
	}

	public BigDecimal averageDays(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.queryForObject("select round(avg(a.decided_on - a.filed_on), 1) from sv_act a where a.decided_on is not null and a.filed_on is not null and "
				+ where(scope, year, p), p, BigDecimal.class);
	}

	public List<Dashboard.Month> months(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		return monthly("from sv_act a where " + where(scope, year, p), p);
	}

	public List<Dashboard.Month> bodyMonths(long bodyId, int year) {
		Map<String, Object> p = new HashMap<>();
		p.put("b", bodyId);
		return monthly("from sv_act a where a.body_id = :b and " + where(DataScope.all(), year, p), p);
	}

	private List<Dashboard.Month> monthly(String from, Map<String, Object> p) {
		return jdbc.query("select to_char(" + DAY + ", 'YYYY-MM') as m, count(*) as acts, count(a.decided_on) as decided, "
				+ "coalesce(sum(a.fine) filter (where a.decision_outcome = 'PENALTY'), 0) as fines " + from + " group by 1 order by 1", p,
				(rs, i) -> new Dashboard.Month(rs.getString("m"), rs.getLong("acts"), rs.getLong("decided"), rs.getLong("fines")));
	}

	public List<Stage> stages(DataScope scope, int year) {
		Map<String, Object> p = new HashMap<>();
		return jdbc.query("select a.stage, count(*) from sv_act a where " + where(scope, year, p) + " group by a.stage order by count(*) desc", p,
				(rs, i) -> new Stage(rs.getString(1), rs.getLong(2)));
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
