package zhifa.supervision.plan;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/** The supervisor's home page: supervising units in his region without a filed plan for this year. */
@Component
class PlanTodos implements TodoSource {

	private final SupervisionPlans plans;

	PlanTodos(SupervisionPlans plans) {
		this.plans = plans;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		if (!TodoSource.holds(me, "SUPERVISOR")) {
			return List.of();
		}
		int year = today.getYear();
		var missing = plans.notFiled(me.scope(), year);
		boolean late = today.isAfter(LocalDate.of(year, 3, 31));
		return List.of(new Todo("SUPERVISOR", 44, year + "年度监督计划未报备", missing.size(), "/supervision/plans?year=" + year,
				missing.stream().map(b -> new Todo.Item(b.name(), late ? "已超过3月31日" : "应于3月31日前报备", "/supervision/plans?year=" + year, late)).toList()));
	}
}
