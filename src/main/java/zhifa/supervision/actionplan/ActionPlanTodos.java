package zhifa.supervision.actionplan;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/** The supervisor's home page: the action plan's items past their deadline and not done in his region. */
@Component
class ActionPlanTodos implements TodoSource {

	private final ActionPlans plans;

	ActionPlanTodos(ActionPlans plans) {
		this.plans = plans;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (!TodoSource.holds(me, "SUPERVISOR")) {
			return List.of();
		}
		var late = plans.overdue(me.scope());
		if (late.isEmpty()) {
			return List.of();
		}
		return List.of(new Todo("SUPERVISOR", 46, "三年行动方案：逾期未完成的事项", late.size(), "/action-plans",
				late.stream().map(i -> new Todo.Item(i.title(), "时限 " + i.due() + (i.computed() ? "；" + i.judged().detail() : ""), "/action-plans", true)).toList()));
	}
}
