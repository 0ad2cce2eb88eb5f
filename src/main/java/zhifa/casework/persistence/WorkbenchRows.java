package zhifa.casework.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The workbench's reads: one keyset page of case ids, newest first, and a bounded count ("1,000+" rather than a scan of
 * every match). The conditions come from the filters; each is backed by an index of the module that contributes it.
 */
@Repository
public class WorkbenchRows {

	/** Counting stops here: the page shows "1,000+" rather than scanning every match. */
	public static final int COUNT_CAP = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	WorkbenchRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} ids matching any of the {@code conditions} below {@code before} (null: from the newest), newest
	 * first: each condition's newest through its own index, then merged.
	 */
	public List<Long> page(List<String> conditions, Map<String, Object> params, Long before, int limit) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("pageBefore", before == null ? Long.MAX_VALUE : before);
		p.put("pageLimit", limit);
		return jdbc.queryForList(pageSql(conditions), p, Long.class);
	}

	/** The read of a page (parameters {@code pageBefore} and {@code pageLimit}): each condition's newest, merged. */
	public static String pageSql(List<String> conditions) {
		List<String> reads = conditions.stream()
			.map(c -> "select c.id from enforcement_case c where c.id < :pageBefore and (" + c + ") order by c.id desc limit :pageLimit").toList();
		return reads.size() == 1 ? reads.get(0) : "select id from ((" + String.join(") union (", reads) + ")) newest order by id desc limit :pageLimit";
	}

	/**
	 * The number of matches up to {@link #COUNT_CAP} + 1: the newest ones read as a page is (an unordered count lets the
	 * planner probe every case of a large body that has few matches).
	 */
	public int boundedCount(List<String> conditions, Map<String, Object> params) {
		return page(conditions, params, null, COUNT_CAP + 1).size();
	}

	/**
	 * The kernel's own filters' conditions. A filter that picks a small set of cases names it as
	 * {@code c.id = any(array(…))}: the set is read first through its own index, then the page is read by id — instead of
	 * walking every case of the scope backwards looking for the few that match.
	 */
	public static String mine() {
		return "c.id = any(array(select x.id from enforcement_case x where x.registered_by_id = :me union "
				+ "select o.case_id from case_officer o join officer_view f on f.id = o.officer_id where o.released_on is null and f.user_id = :me))";
	}

	public static String stageIn() {
		return "c.stage in (:openStages)";
	}

	public static String dueBetween() {
		return "c.id = any(array(select t.case_id from case_timer t where t.state = 'RUNNING' and t.due_date between :today and :limit))";
	}

	/**
	 * 已超期 as two alternatives: a timer missed (the nightly run marks every timer past its day), met in id order through
	 * the partial index {@code case_timer_missed}; and a timer past its day the nightly run has not marked yet (a few,
	 * read first).
	 */
	public static List<String> overdue() {
		return List.of("exists (select 1 from case_timer t where t.case_id = c.id and t.state = 'MISSED')",
				"c.id = any(array(select t.case_id from case_timer t where t.state = 'RUNNING' and t.due_date < :today and t.kind not in (:windows)))");
	}
}
