package zhifa.supervision.special;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/** Home pages: the supervisor's items waiting for his conclusion or overdue; the body's items waiting for its answer. */
@Component
class SpecialTodos implements TodoSource {

	private final SpecialSupervision special;

	SpecialTodos(SpecialSupervision special) {
		this.special = special;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if (TodoSource.holds(me, "SUPERVISOR")) {
			var answered = special.list(me.scope(), SpecialItem.Status.ANSWERED, null, 0, Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 42, "专项监督：待审核的整改情况", answered.total(), "/supervision/special?status=ANSWERED",
					answered.items().stream().map(s -> item(s, today)).toList()));
			var open = special.list(me.scope(), SpecialItem.Status.OPEN, null, 0, Todo.KEPT);
			lists.add(new Todo("SUPERVISOR", 43, "专项监督：待被监督单位答复", open.total(), "/supervision/special?status=OPEN",
					open.items().stream().map(s -> item(s, today)).toList()));
		}
		if ((TodoSource.holds(me, "UNIT_ADMIN") || TodoSource.holds(me, "LEADER")) && me.bodyId() != null) {
			var mine = special.list(DataScope.body(me.bodyId()), SpecialItem.Status.OPEN, null, 0, Todo.KEPT);
			lists.add(new Todo(TodoSource.holds(me, "UNIT_ADMIN") ? "UNIT_ADMIN" : "LEADER", 41, "专项监督：本单位待报告整改情况", mine.total(), "/supervision/special?status=OPEN",
					mine.items().stream().map(s -> item(s, today)).toList()));
		}
		return lists;
	}

	private static Todo.Item item(SpecialItem s, LocalDate today) {
		return new Todo.Item(s.title(), s.bodyName() + " · " + s.kind().label() + "；" + s.answerDue() + " 前答复" + (s.overdueOn(today) ? "（已逾期）" : ""),
				"/supervision/special/" + s.id(), s.overdueOn(today));
	}
}
