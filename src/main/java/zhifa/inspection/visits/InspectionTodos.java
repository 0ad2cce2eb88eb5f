package zhifa.inspection.visits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.casework.CaseOfficers;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * Inspections on the home pages: the supervisor's plans to approve; the head's visits waiting for his approval and the
 * body's plan not yet filed (with the day it is due) or returned; the inspector's rectifications to re-check.
 */
@Component
class InspectionTodos implements TodoSource {

	private final NamedParameterJdbcTemplate jdbc;
	private final InspectionPlans plans;
	private final CaseOfficers officers;
	private final BodyScopes scopes;
	private final Merges merges;

	InspectionTodos(NamedParameterJdbcTemplate jdbc, InspectionPlans plans, CaseOfficers officers, BodyScopes scopes, Merges merges) {
		this.merges = merges;
		this.jdbc = jdbc;
		this.plans = plans;
		this.officers = officers;
		this.scopes = scopes;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if (TodoSource.holds(me, "SUPERVISOR")) {
			var direct = scopes.directlySupervisedBodyIds(me.scope());
			var filed = plans.plans(me.scope(), null).stream().filter(p -> p.status() == InspectionPlans.PlanStatus.FILED && direct.contains(p.bodyId()))
				.toList();
			lists.add(new Todo("SUPERVISOR", 45, "待审核的随机抽查计划", filed.size(), "/inspection/overview",
					filed.stream().map(p -> new Todo.Item(p.bodyName(), p.year() + "年度，" + p.filedOn() + " 报备" + (p.filedLate() ? "（逾期）" : ""),
							"/inspection/plans/" + p.id(), p.filedLate())).toList()));
		}
		if (me.bodyId() != null && (TodoSource.holds(me, "LEADER") || TodoSource.holds(me, "UNIT_ADMIN"))) {
			String role = TodoSource.holds(me, "LEADER") ? "LEADER" : "UNIT_ADMIN";
			boolean hasItems = Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from insp_item where body_id = :b and status = 'PUBLISHED')",
					Map.of("b", me.bodyId()), Boolean.class));
			var plan = plans.plans(DataScope.body(me.bodyId()), today.getYear()).stream().findFirst();
			if (hasItems && (plan.isEmpty() || plan.get().status() == InspectionPlans.PlanStatus.DRAFT
					|| plan.get().status() == InspectionPlans.PlanStatus.RETURNED)) {
				LocalDate due = plans.filingDeadline(today.getYear());
				String what = plan.isEmpty() ? "尚未建立" : plan.get().status() == InspectionPlans.PlanStatus.RETURNED ? "被退回：" + plan.get().decisionNote() : "尚未报备";
				lists.add(new Todo(role, 45, "本年度随机抽查计划", 1, "/inspection/plans", List.of(new Todo.Item(today.getYear() + "年度抽查计划",
						what + "；报备期限 " + due + (today.isAfter(due) ? "（已逾期）" : ""), plan.map(p -> "/inspection/plans/" + p.id()).orElse("/inspection/plans"),
						today.isAfter(due)))));
			}
		}
		if (me.bodyId() != null && (TodoSource.holds(me, "LEADER") || TodoSource.holds(me, "UNIT_ADMIN"))) {
			long body = me.bodyId();
			var open = merges.list(DataScope.body(body)).stream().filter(m -> m.awaits(body)).toList();
			lists.add(new Todo(TodoSource.holds(me, "LEADER") ? "LEADER" : "UNIT_ADMIN", 47, "合并检查建议待确认", open.size(), "/inspection/merges",
					open.stream().map(m -> new Todo.Item(m.objectName(), m.bodyAName() + "（" + m.dayA() + "）与" + m.bodyBName() + "（" + m.dayB() + "）同季度检查",
							"/inspection/merges", false)).toList()));
		}
		if (me.bodyId() != null && (TodoSource.holds(me, "LEADER") || TodoSource.holds(me, "UNIT_ADMIN"))) {
			// a joint task another body leads waits for this body's consent before it can be published
			List<Todo.Item> consent = jdbc.query("""
					select t.id, t.code, t.name, b.name, t.starts_on from insp_task_partner p join insp_task t on t.id = p.task_id
					join body_view b on b.id = t.body_id
					where p.body_id = :b and p.accepted_by is null and t.status = 'PLANNED' order by t.starts_on, t.id limit 50""",
					Map.of("b", me.bodyId()), (rs, i) -> new Todo.Item(rs.getString(4) + "牵头：" + rs.getString(3), "联合检查任务 " + rs.getString(2) + "，"
							+ rs.getObject(5, LocalDate.class) + " 起；本单位同意后才能公布", "/inspection/tasks/" + rs.getLong(1),
							rs.getObject(5, LocalDate.class).isBefore(today)));
			lists.add(new Todo(TodoSource.holds(me, "LEADER") ? "LEADER" : "UNIT_ADMIN", 46, "待同意参加的联合检查", consent.size(), "/inspection/plans",
					consent));
		}
		if (me.bodyId() != null && TodoSource.holds(me, "LEADER")) {
			Map<String, Object> p = new HashMap<>();
			String scope = scopes.sqlCondition(me.scope(), "v.body_id", p);
			List<Todo.Item> waiting = jdbc.query("""
					select v.id, o.name, v.planned_on, v.origin, v.over_cap and v.over_cap_approved_by is null as cap
					from insp_visit v join insp_object o on o.id = v.object_id join case_view c on c.id = v.case_id
					where c.stage = 'PLANNED' and ((v.over_cap and v.over_cap_approved_by is null) or (v.origin <> 'RANDOM' and v.approved_by is null))
					and""" + " " + scope + " order by v.planned_on limit 50", p,
					(rs, i) -> new Todo.Item(rs.getString(2), (rs.getBoolean(5) ? "超过年度检查次数上限" : Visits.Origin.valueOf(rs.getString(4)).label()) + "，计划 "
							+ rs.getObject(3, LocalDate.class), "/inspection/visits/" + rs.getLong(1), false));
			lists.add(new Todo("LEADER", 46, "待批准实施的检查", waiting.size(), "/inspection/today", waiting));
		}
		var officer = officers.officerOfUser(me.operatorKind() == Operator.Kind.USER ? me.operatorId() : null);
		if (officer.isPresent() && TodoSource.holds(me, "OFFICER")) {
			List<Todo.Item> recheck = jdbc.query("""
					select v.id, o.name, k.rectify_by, i.name from insp_check k join insp_visit v on v.id = k.visit_id join insp_object o on o.id = v.object_id
					join insp_item i on i.id = k.item_id
					where k.result = 'RECTIFY' and k.rechecked_on is null and exists (select 1 from insp_team_member m where m.visit_id = v.id
					and m.officer_id = :me and m.body_id = k.body_id) order by k.rectify_by limit 50""", Map.of("me", officer.get()),
					(rs, i) -> new Todo.Item(rs.getString(2), rs.getString(4) + "：整改期限 " + rs.getObject(3, LocalDate.class) + "，到期后复查",
							"/inspection/visits/" + rs.getLong(1), rs.getObject(3, LocalDate.class).isBefore(today)));
			lists.add(new Todo("OFFICER", 45, "整改待复查", recheck.size(), "/inspection/today", recheck));
		}
		return lists;
	}
}
