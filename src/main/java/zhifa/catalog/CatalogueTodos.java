package zhifa.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * The catalogue on the home pages: the unit administrator sees his body's catalogue submission returned by the justice
 * bureau (until he submits again), the supervisor the submissions waiting for his review (报备审查).
 */
@Component
class CatalogueTodos implements TodoSource {

	private final Catalogues catalogues;
	private final zhifa.shared.BodyScopes scopes;

	CatalogueTodos(Catalogues catalogues, zhifa.shared.BodyScopes scopes) {
		this.catalogues = catalogues;
		this.scopes = scopes;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if (TodoSource.holds(me, "UNIT_ADMIN") && me.bodyId() != null) {
			// the latest submission of the body counts: a returned one is to do until the next is made
			Catalogues.Submission latest = catalogues.submissions(me.bodyId()).stream().max(Comparator.comparing(Catalogues.Submission::id)).orElse(null);
			List<Todo.Item> items = latest != null && latest.status() == Catalogues.SubmissionStatus.RETURNED
					? List.of(new Todo.Item("执法事项目录调整报备已退回", "退回意见：" + (latest.opinion() == null ? "（无）" : latest.opinion()),
							"/catalogues/submissions/" + latest.id(), false))
					: List.of();
			lists.add(new Todo("UNIT_ADMIN", 40, "退回修改的执法事项目录", items.size(), "/catalogues/" + me.bodyId(), items));
		}
		if (TodoSource.holds(me, "SUPERVISOR")) {
			Map<Long, Catalogues.Submission> open = new HashMap<>();
			var direct = scopes.directlySupervisedBodyIds(me.scope());
			catalogues.submissions(me.scope(), Catalogues.SubmissionStatus.SUBMITTED).stream().filter(s -> direct.contains(s.bodyId()))
				.forEach(s -> open.putIfAbsent(s.bodyId(), s));
			List<Todo.Item> items = open.values().stream().sorted(Comparator.comparing(Catalogues.Submission::submittedAt))
				.map(s -> new Todo.Item(s.bodyName(), "执法事项目录调整报备，" + s.items() + "项，已审查" + s.reviewed() + "项", "/catalogues/submissions/" + s.id(),
						false))
				.toList();
			lists.add(new Todo("SUPERVISOR", 20, "待审查的执法事项目录报备", items.size(), "/catalogues", items));
		}
		return lists;
	}
}
