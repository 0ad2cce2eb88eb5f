package zhifa.inspection.visits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.casework.CaseOfficers;
import zhifa.shared.Operator;

/** Lists of visits: a task's, an inspector's for the day, the enterprises a task drew. */
@Service
public class VisitLists {

	private final NamedParameterJdbcTemplate jdbc;
	private final CaseOfficers officers;

	VisitLists(NamedParameterJdbcTemplate jdbc, CaseOfficers officers) {
		this.jdbc = jdbc;
		this.officers = officers;
	}

	/** A line of a list of visits. */
	public record Line(long id, long caseId, String taskCode, String objectName, String uscc, String address, String regionName, String bodyName,
			LocalDate plannedOn, LocalDate checkedOn, LocalDate publishedOn, VisitStage stage, boolean awaitingApproval, String team) {
	}

	private static final String LINE = """
			select v.id, v.case_id, t.code, o.name, v.uscc, o.address, r.name as region_name, b.name as body_name, v.planned_on, v.checked_on,
			  v.published_on, c.stage, (v.over_cap and v.over_cap_approved_by is null) or (v.origin <> 'RANDOM' and v.approved_by is null) as waiting,
			  (select string_agg(ov.name, '、' order by m.body_id, m.draw_order) from insp_team_member m join officer_view ov on ov.id = m.officer_id
			   where m.visit_id = v.id) as team
			from insp_visit v join insp_object o on o.id = v.object_id join region_view r on r.id = o.region_id join body_view b on b.id = v.body_id
			join case_view c on c.id = v.case_id left join insp_task t on t.id = v.task_id""";

	private static Line line(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
				rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
				VisitStage.valueOf(rs.getString(12).trim()), rs.getBoolean(13), rs.getString(14));
	}

	/** A published inspection result as the portal lists it. */
	public record PublishedResult(long id, String objectName, String uscc, String bodyName, String taskCode, String origin, String outcome,
			LocalDate checkedOn, LocalDate publishedOn, String items) {
	}

	/** The inspection results published, newest first (谁检查、谁公开). */
	public zhifa.shared.Page<PublishedResult> published(Long bodyId, int page, int size) {
		return published(bodyId, null, null, null, page, size);
	}

	/**
	 * Published results, searched by the inspecting body, words in the enterprise's name or its 统一社会信用代码, and the
	 * inspection day's range.
	 */
	public zhifa.shared.Page<PublishedResult> published(Long bodyId, String words, LocalDate from, LocalDate to, int page, int size) {
		Map<String, Object> p = new java.util.HashMap<>();
		String where = " where v.published_on is not null" + (bodyId == null ? "" : " and v.body_id = :b");
		p.put("b", bodyId);
		if (words != null && !words.isBlank()) {
			where += " and (o.name like :w escape '\\' or v.uscc = :u)";
			p.put("w", "%" + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			p.put("u", words.strip().toUpperCase());
		}
		if (from != null) {
			where += " and v.checked_on >= :from";
			p.put("from", from);
		}
		if (to != null) {
			where += " and v.checked_on <= :to";
			p.put("to", to);
		}
		long total = jdbc.queryForObject("select count(*) from insp_visit v join insp_object o on o.id = v.object_id" + where, p, Long.class);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<PublishedResult> items = jdbc.query("""
				select v.id, o.name, v.uscc, b.name as body_name, t.code, v.origin, v.checked_on, v.published_on,
				  case when exists (select 1 from insp_check k where k.visit_id = v.id and k.result = 'VIOLATION') then '发现问题，已依法处置'
				       when exists (select 1 from insp_check k where k.visit_id = v.id and k.result = 'RECTIFY') then '发现问题，责令整改'
				       else '未发现问题' end as outcome,
				  (select string_agg(i.name, '、' order by i.name) from insp_check k join insp_item i on i.id = k.item_id where k.visit_id = v.id) as items
				from insp_visit v join insp_object o on o.id = v.object_id join body_view b on b.id = v.body_id left join insp_task t on t.id = v.task_id
				""" + where + " order by v.published_on desc, v.id desc limit :limit offset :offset", p,
				(rs, i) -> new PublishedResult(rs.getLong("id"), rs.getString(2), rs.getString("uscc"), rs.getString("body_name"), rs.getString("code"),
						Visits.Origin.valueOf(rs.getString("origin")).label(), rs.getString("outcome"), rs.getObject("checked_on", LocalDate.class),
						rs.getObject("published_on", LocalDate.class), rs.getString("items")));
		return new zhifa.shared.Page<>(items, total, page, size);
	}

	/** The enterprises a task drew, by code (name and USCC only). */
	public List<String[]> drawnOf(long taskId) {
		return jdbc.query("select o.name, v.uscc from insp_visit v join insp_object o on o.id = v.object_id where v.task_id = :t order by v.uscc",
				Map.of("t", taskId), (rs, i) -> new String[] { rs.getString(1), rs.getString(2) });
	}

	/** The visits of a task, in the draw's order. */
	public List<Line> ofTask(long taskId) {
		return jdbc.query(LINE + " where v.task_id = :t order by v.stratum desc, v.rank", Map.of("t", taskId), VisitLists::line);
	}

	/** The inspector's visits still to do (planned up to the day, earliest first) and those with a rectification to re-check. */
	public List<Line> mine(Operator op, LocalDate day) {
		return mine(op, day, 0, 200).items();
	}

	/** {@link #mine(Operator, LocalDate)} a page at a time, with how many there are in all. */
	public zhifa.shared.Page<Line> mine(Operator op, LocalDate day, int page, int size) {
		Optional<Long> me = officers.officerOfUser(op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null);
		if (me.isEmpty()) {
			return new zhifa.shared.Page<>(List.of(), 0, 0, size);
		}
		String where = """
				 where exists (select 1 from insp_team_member m where m.visit_id = v.id and m.officer_id = :me)
				 and ((c.stage = 'PLANNED' and v.planned_on <= :day)
				   or exists (select 1 from insp_check k where k.visit_id = v.id and k.result = 'RECTIFY' and k.rechecked_on is null))""";
		Map<String, Object> p = new java.util.HashMap<>(Map.of("me", me.get(), "day", day));
		long total = jdbc.queryForObject("select count(*) from insp_visit v join case_view c on c.id = v.case_id " + where, p, Long.class);
		int at = Math.max(0, Math.min(page, (int) Math.max(0, (total - 1) / size)));
		p.put("limit", size);
		p.put("offset", at * size);
		return new zhifa.shared.Page<>(jdbc.query(LINE + " " + where + " order by v.planned_on, o.name, v.id limit :limit offset :offset", p, VisitLists::line),
				total, at, size);
	}
}
