package zhifa.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * Publication on the home pages: the body's decisions to publish (within 7 working days) or withdraw, its last year's
 * statistics to publish (by 31 January); the supervisor's bodies that have not published them once the day has passed.
 */
@Component
class DisclosureTodos implements TodoSource {

	private final DecisionDisclosures decisions;
	private final YearlyStatistics statistics;

	DisclosureTodos(DecisionDisclosures decisions, YearlyStatistics statistics) {
		this.decisions = decisions;
		this.statistics = statistics;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		int last = today.getYear() - 1;
		LocalDate due = LocalDate.of(today.getYear(), 1, 31);
		if (me.bodyId() != null && (TodoSource.holds(me, "LEADER") || TodoSource.holds(me, "UNIT_ADMIN"))) {
			String role = TodoSource.holds(me, "LEADER") ? "LEADER" : "UNIT_ADMIN";
			var open = decisions.forBodies(DataScope.body(me.bodyId()), null).stream()
				.filter(d -> d.status() == DecisionDisclosures.Status.DRAFT || d.dueForWithdrawal()).toList();
			lists.add(new Todo(role, 48, "执法决定待公开或撤回", open.size(), "/disclosure/decisions", open.stream()
				.map(d -> new Todo.Item(d.title(), d.status() == DecisionDisclosures.Status.DRAFT ? "应于 " + d.publishBy() + " 前公开" : "应于 " + d.withdrawBy() + " 前撤回",
						"/disclosure/decisions", d.lateOn(today)))
				.toList()));
			if (statistics.published(me.bodyId(), last).isEmpty()) {
				lists.add(new Todo(role, 49, "年度行政执法数据", 1, "/disclosure/statistics?year=" + last, List.of(new Todo.Item(last + "年度数据尚未公开",
						"应于 " + due + " 前确认公开并报送" + (today.isAfter(due) ? "（已逾期）" : ""), "/disclosure/statistics?year=" + last, today.isAfter(due)))));
			}
		}
		if (TodoSource.holds(me, "SUPERVISOR") && today.isAfter(due)) {
			List<String> missing = statistics.notPublished(me.scope(), last);
			lists.add(new Todo("SUPERVISOR", 49, last + "年度执法数据逾期未公开", missing.size(), "/disclosure/statistics?year=" + last,
					missing.stream().map(n -> new Todo.Item(n, "期限 " + due, "/disclosure/statistics?year=" + last, true)).toList()));
		}
		return lists;
	}
}
