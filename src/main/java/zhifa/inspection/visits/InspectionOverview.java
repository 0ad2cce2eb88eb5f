package zhifa.inspection.visits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;

/**
 * The year's inspections of the bodies in a scope, for the body (plan progress, coverage per risk class, findings,
 * rectification) and for the supervisor (plans filed and approved, random and joint shares, the most-visited
 * enterprises, visits by several bodies within 30 days, late publications).
 */
@Service
public class InspectionOverview {

	public record PlanCounts(long draft, long filed, long approved, long returned, long late) {
	}

	public record Coverage(String riskClass, long objects, long visited) {

		public String share() {
			return objects == 0 ? "—" : String.format("%.1f%%", visited * 100.0 / objects);
		}
	}

	public record MostVisited(String name, String uscc, long visits, String bodies) {
	}

	public record Overview(int year, PlanCounts plans, long visits, long checked, long published, long random, long joint, long overCap,
			long passed, long rectify, long violation, long rectifyOpen, long rectifyOverdue, long latePublication, long repeatedWithin30Days,
			List<Coverage> coverage, List<MostVisited> mostVisited) {

		public String share(long part) {
			return visits == 0 ? "—" : String.format("%.1f%%", part * 100.0 / visits);
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final BodyScopes scopes;
	private final Clock clock;

	InspectionOverview(NamedParameterJdbcTemplate jdbc, BodyScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
	}

	public Overview of(DataScope scope, int year) {
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> p = new HashMap<>();
		p.put("year", year);
		p.put("today", today);
		String plan = scopes.sqlCondition(scope, "p.body_id", p);
		Map<String, Object> plans = jdbc.queryForMap("""
				select count(*) filter (where status = 'DRAFT') as draft, count(*) filter (where status = 'FILED') as filed,
				  count(*) filter (where status = 'APPROVED') as approved, count(*) filter (where status = 'RETURNED') as returned,
				  count(*) filter (where filed_late) as late
				from insp_plan p where p.year = :year and""" + " " + plan, p);
		String visit = scopes.sqlCondition(scope, "v.body_id", p);
		String inYear = " extract(year from v.planned_on) = :year and " + visit;
		Map<String, Object> v = jdbc.queryForMap("""
				select count(*) as visits, count(*) filter (where c.stage <> 'PLANNED') as checked, count(*) filter (where c.stage = 'PUBLISHED') as published,
				  count(*) filter (where v.origin = 'RANDOM') as random,
				  count(*) filter (where (select count(distinct m.body_id) from insp_team_member m where m.visit_id = v.id) > 1
				    or exists (select 1 from insp_merge g where g.status = 'ACCEPTED' and (g.visit_a = v.id or g.visit_b = v.id))) as joint,
				  count(*) filter (where v.over_cap) as over_cap,
				  count(*) filter (where v.published_on is null and v.publish_by < :today) as late_open,
				  count(*) filter (where v.published_on > v.publish_by) as late_done,
				  count(*) filter (where v.checked_on is not null and exists (select 1 from insp_visit o where o.uscc = v.uscc and o.body_id <> v.body_id
				    and o.checked_on between v.checked_on - 30 and v.checked_on and not exists (select 1 from insp_merge m where m.status = 'ACCEPTED'
				    and m.visit_a = least(o.id, v.id) and m.visit_b = greatest(o.id, v.id)))) as repeated
				from insp_visit v join case_view c on c.id = v.case_id where""" + inYear, p);
		Map<String, Object> k = jdbc.queryForMap("""
				select count(*) filter (where k.result = 'PASSED') as passed, count(*) filter (where k.result = 'RECTIFY') as rectify,
				  count(*) filter (where k.result = 'VIOLATION') as violation,
				  count(*) filter (where k.result = 'RECTIFY' and k.rechecked_on is null) as open,
				  count(*) filter (where k.result = 'RECTIFY' and k.rechecked_on is null and k.rectify_by < :today) as overdue
				from insp_check k join insp_visit v on v.id = k.visit_id where""" + inYear, p);
		Map<String, Coverage> coverage = new LinkedHashMap<>();
		jdbc.query("select risk_class, count(*) from insp_object group by risk_class order by risk_class", rs -> {
			coverage.put(rs.getString(1).trim(), new Coverage(rs.getString(1).trim(), rs.getLong(2), 0));
		});
		jdbc.query("""
				select o.risk_class, count(distinct v.object_id) from insp_visit v join insp_object o on o.id = v.object_id
				where v.checked_on is not null and""" + inYear + " group by o.risk_class", p, rs -> {
					String c = rs.getString(1).trim();
					Coverage was = coverage.get(c);
					coverage.put(c, new Coverage(c, was == null ? 0 : was.objects(), rs.getLong(2)));
				});
		List<MostVisited> most = jdbc.query("""
				select o.name, v.uscc, count(*) as n, string_agg(distinct b.name, '、') as bodies
				from insp_visit v join insp_object o on o.id = v.object_id join body_view b on b.id = v.body_id where""" + inYear + " " + """
				group by o.name, v.uscc having count(*) > 1 order by count(*) desc, o.name limit 20""", p,
				(rs, i) -> new MostVisited(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
		return new Overview(year, new PlanCounts(n(plans, "draft"), n(plans, "filed"), n(plans, "approved"), n(plans, "returned"), n(plans, "late")),
				n(v, "visits"), n(v, "checked"), n(v, "published"), n(v, "random"), n(v, "joint"), n(v, "over_cap"), n(k, "passed"), n(k, "rectify"),
				n(k, "violation"), n(k, "open"), n(k, "overdue"), n(v, "late_open") + n(v, "late_done"), n(v, "repeated"), List.copyOf(coverage.values()),
				most);
	}

	private static long n(Map<String, Object> row, String key) {
		Object o = row.get(key);
		return o == null ? 0 : ((Number) o).longValue();
	}
}
