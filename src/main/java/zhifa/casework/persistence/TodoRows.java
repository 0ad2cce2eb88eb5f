package zhifa.casework.persistence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The home pages' reads over the case tables: whose cases, which deadlines, in the order a person should take them. */
@Repository
public class TodoRows {

	/** A running or missed timer of a case: which case, which timer. */
	public record TimerRef(long caseId, long timerId) {
	}

	private static final String MY_CASES = "select x.id from enforcement_case x where x.registered_by_id = :me and x.stage in (:open) union "
			+ "select o.case_id from case_officer o join officer_view f on f.id = o.officer_id join enforcement_case y on y.id = o.case_id "
			+ "where o.released_on is null and f.user_id = :me and y.stage in (:open)";

	private final NamedParameterJdbcTemplate jdbc;
	private final zhifa.shared.BodyScopes scopes;

	TodoRows(NamedParameterJdbcTemplate jdbc, zhifa.shared.BodyScopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	/** Cases of the scope with a running timer of the kind due by {@code limit}, the earliest first. */
	public List<Long> runningDueBy(zhifa.shared.DataScope scope, String kind, LocalDate limit, int max) {
		Map<String, Object> p = new HashMap<>();
		String condition = scopes.sqlCondition(scope, "c.body_id", p);
		p.put("kind", kind);
		p.put("limit", limit);
		p.put("max", max);
		return jdbc.queryForList("select t.case_id from case_timer t join enforcement_case c on c.id = t.case_id where t.state = 'RUNNING' and t.kind = :kind "
				+ "and t.due_date <= :limit and " + condition + " order by t.due_date, t.id limit :max", p, Long.class);
	}

	/**
	 * The user's open cases' timers still to be met that are overdue or fall due by {@code limit} (overdue first, then by
	 * due day) — a deadline missed but since acted on is history, not work; party windows that simply ran out are left aside.
	 */
	public List<TimerRef> myDeadlines(long userId, Collection<String> openStages, LocalDate today, LocalDate limit, Collection<String> windows, int max) {
		return jdbc.query("select t.case_id, t.id from case_timer t where t.case_id in (" + MY_CASES + ") and "
				+ "((t.state = 'MISSED' and t.closed_on is null) or (t.state = 'RUNNING' and t.due_date <= :limit and (t.due_date >= :today or t.kind not in (:windows)))) "
				+ "order by case when t.state = 'MISSED' or t.due_date < :today then 0 else 1 end, t.due_date, t.id limit :max",
				Map.of("me", userId, "open", openStages, "today", today, "limit", limit, "windows", windows.isEmpty() ? List.of("-") : windows, "max", max),
				(rs, i) -> new TimerRef(rs.getLong(1), rs.getLong(2)));
	}

	/** The user's open cases (registered by him or on which he is an officer), those with the nearest running deadline first. */
	public List<Long> myOpenCases(long userId, Collection<String> openStages, int max) {
		return jdbc.queryForList("select c.id from enforcement_case c where c.id in (" + MY_CASES + ") order by "
				+ "(select min(t.due_date) from case_timer t where t.case_id = c.id and t.state = 'RUNNING') nulls last, c.id desc limit :max",
				Map.of("me", userId, "open", openStages, "max", max), Long.class);
	}

	/** Cases of the scope (a condition over {@code c.body_id}) in these stages, nearest running deadline first. */
	public List<Long> openCases(String scopeCondition, Map<String, Object> scopeParams, Collection<String> stages, int max) {
		Map<String, Object> p = new HashMap<>(scopeParams);
		p.put("stages", stages);
		p.put("max", max);
		return jdbc.queryForList("select c.id from enforcement_case c where " + scopeCondition + " and c.stage in (:stages) order by "
				+ "(select min(t.due_date) from case_timer t where t.case_id = c.id and t.state = 'RUNNING') nulls last, c.id desc limit :max", p, Long.class);
	}
}
