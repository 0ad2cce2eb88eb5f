package zhifa.penalty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseTimers;
import zhifa.penalty.persistence.TodoQueries;
import zhifa.shared.BodyScopes;
import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * What the penalty procedure adds to the home pages beyond its lifecycle's steps: the head's recusal requests and the
 * cases whose 办案期限 ends within ten days (he may extend it, 行政处罚法第六十条), and the officer's clues of his body
 * awaiting 立案审查.
 */
@Component
class PenaltyTodos implements TodoSource {

	private final TodoQueries queries;
	private final PenaltyCases cases;
	private final CaseTimers timers;
	private final BodyScopes scopes;

	PenaltyTodos(TodoQueries queries, PenaltyCases cases, CaseTimers timers, BodyScopes scopes) {
		this.queries = queries;
		this.cases = cases;
		this.timers = timers;
		this.scopes = scopes;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if (TodoSource.holds(me, "LEADER")) {
			Map<String, Object> p = new HashMap<>();
			var recusals = queries.pendingRecusals(scopes.sqlCondition(me.scope(), "c.body_id", p), p);
			Map<Long, String> labels = new HashMap<>();
			cases.load(recusals.stream().map(TodoQueries.PendingRecusal::caseId).distinct().toList()).forEach(c -> labels.put(c.id(), c.label()));
			List<Todo.Item> items = recusals.stream().map(r -> new Todo.Item(labels.getOrDefault(r.caseId(), "案件" + r.caseId()),
					r.applicant() + " " + r.appliedOn() + " 申请" + r.officerName() + "回避", "/cases/" + r.caseId(), false)).toList();
			lists.add(new Todo("LEADER", 190, "回避申请（行政处罚法第四十三条）", recusals.size(), "/cases?filter=APPROVAL", items));
			var due = timers.runningDueBy(me.scope(), TimerKind.DECISION, today.plusDays(10));
			Map<Long, String> dueLabels = new HashMap<>();
			cases.load(due.keySet()).forEach(c -> dueLabels.put(c.id(), c.label()));
			List<Todo.Item> extensions = due.entrySet().stream().map(e -> new Todo.Item(dueLabels.getOrDefault(e.getKey(), "案件" + e.getKey()),
					"办案期限 " + e.getValue().due() + " 届满" + (e.getValue().due().isBefore(today) ? "（已超期）" : "，确有需要的可批准延长"),
					"/cases/" + e.getKey(), e.getValue().due().isBefore(today))).toList();
			lists.add(new Todo("LEADER", 195, "办案期限十日内届满（延期审批）", due.size(), "/cases?filter=DUE_SOON", extensions));
		}
		if (TodoSource.holds(me, "OFFICER") && me.bodyId() != null) {
			List<Long> clues = queries.cluesOf(me.bodyId());
			List<Todo.Item> items = new ArrayList<>();
			for (PenaltyCase c : cases.load(clues.subList(0, Math.min(clues.size(), Todo.SHOWN)))) {
				long id = c.id();
				{
					var filing = timers.find(id, TimerKind.FILING);
					boolean late = filing.map(t -> t.stateOn(today) == zhifa.casework.CaseTimer.State.MISSED).orElse(false);
					items.add(new Todo.Item(c.label(), c.partyName() + "，" + c.matterName()
							+ filing.map(t -> "；立案审查 " + t.due() + " 届满" + (late ? "（已超期）" : "")).orElse(""), "/cases/" + id, late));
				}
			}
			lists.add(new Todo("OFFICER", 30, "本单位待立案审查的案源", clues.size(), "/cases?filter=OPEN", items));
		}
		return lists;
	}
}
