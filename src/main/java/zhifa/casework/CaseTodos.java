package zhifa.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import zhifa.calendar.CalendarService;
import zhifa.casework.persistence.TodoRows;
import zhifa.shared.BodyScopes;
import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * The cases on the home pages, from the lifecycles themselves: a step declared with a {@code todo} is on the home page
 * of its role whenever the lifecycle lists it for a case — for the officer on his own cases (with what still blocks
 * it), for the head and the legal reviewer on every open case of the body. The officer also sees his deadlines, overdue
 * first; the supervisor the overdue cases of every body in his scope.
 */
@Component
class CaseTodos implements TodoSource {

	/** The head's and the reviewer's lists look at this many open cases of the body, nearest deadline first. */
	static final int LOOKED_AT = 150;

	private final TodoRows rows;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseTimers timers;
	private final BodyScopes scopes;
	private final CalendarService calendar;
	private final Workbench workbench;

	CaseTodos(TodoRows rows, Cases cases, CaseKinds kinds, CaseTimers timers, BodyScopes scopes, CalendarService calendar, Workbench workbench) {
		this.rows = rows;
		this.cases = cases;
		this.kinds = kinds;
		this.timers = timers;
		this.scopes = scopes;
		this.calendar = calendar;
		this.workbench = workbench;
	}

	static String label(CaseFile c) {
		return c.caseNumber() != null ? c.caseNumber() : "案源第" + c.id() + "号";
	}

	static String link(CaseFile c) {
		return "/cases/" + c.id();
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if (TodoSource.holds(me, "OFFICER")) {
			lists.add(deadlines(me, today));
			lists.add(nextSteps(me));
		}
		if (TodoSource.holds(me, "LEADER")) {
			lists.addAll(stepLists(me, "LEADER", 100, today));
		}
		if (TodoSource.holds(me, "LEGAL_REVIEWER")) {
			lists.addAll(stepLists(me, "LEGAL_REVIEWER", 100, today));
		}
		if (TodoSource.holds(me, "SUPERVISOR")) {
			var page = workbench.page(me.scope(), "OVERDUE", null, Todo.SHOWN);
			List<Todo.Item> items = page.items().stream()
				.map(c -> new Todo.Item(label(c), c.bodyName() + " · " + kinds.stage(c).label() + "；" + missed(c.id(), today), link(c), true)).toList();
			lists.add(new Todo("SUPERVISOR", 10, "各执法主体的超期案件", "1,000+".equals(page.count()) ? 1001 : Long.parseLong(page.count()),
					"/cases?filter=OVERDUE", items));
		}
		return lists;
	}

	private Todo deadlines(Operator me, LocalDate today) {
		LocalDate limit = today;
		for (int i = 0; i < 3; i++) {
			limit = calendar.calendar().nextWorkingDay(limit);
		}
		List<TodoRows.TimerRef> refs = rows.myDeadlines(me.operatorId(), kinds.openStages(), today, limit, timers.partyWindows(), 200);
		Map<Long, CaseFile> byId = new HashMap<>();
		cases.load(refs.stream().map(TodoRows.TimerRef::caseId).distinct().limit(Todo.SHOWN).toList()).forEach(c -> byId.put(c.id(), c));
		List<Todo.Item> items = new ArrayList<>();
		for (TodoRows.TimerRef r : refs) {
			CaseFile c = byId.get(r.caseId());
			if (c == null) {
				continue;
			}
			Optional<CaseTimer> t = timers.of(c.id()).stream().filter(x -> x.id() == r.timerId()).findFirst();
			t.ifPresent(x -> items.add(new Todo.Item(label(c), x.label() + " " + x.due() + " 届满" + (x.due().isBefore(today) ? "（已超期）" : ""), link(c),
					x.due().isBefore(today))));
		}
		return new Todo("OFFICER", 10, "我的案件期限：已超期和3个工作日内到期", refs.size(), "/cases?filter=MINE", items);
	}

	private Todo nextSteps(Operator me) {
		List<Todo.Item> items = new ArrayList<>();
		for (CaseFile c : cases.load(rows.myOpenCases(me.operatorId(), kinds.openStages(), 60))) {
			List<NextStep> mine = stepsFor(c, "OFFICER");
			if (mine.isEmpty()) {
				continue;
			}
			Optional<NextStep> blocked = mine.stream().filter(s -> !s.possible()).findFirst();
			String detail = blocked.map(s -> todoTitle(c, s) + "：还缺 " + String.join("；", s.blockers()))
				.orElseGet(() -> "可以办理：" + String.join("、", mine.stream().map(s -> todoTitle(c, s)).toList()));
			items.add(new Todo.Item(label(c), detail, link(c), false));
		}
		return new Todo("OFFICER", 20, "我的案件下一步（须补齐的证据和文书）", items.size(), "/cases?filter=TODO_ME", items);
	}

	/** For the head or the reviewer: one list per step of the role, over the body's open cases. */
	private List<Todo> stepLists(Operator me, String role, int order, LocalDate today) {
		Map<String, Object> p = new HashMap<>();
		String scope = scopes.sqlCondition(me.scope(), "c.body_id", p);
		Map<String, List<Todo.Item>> byTitle = new LinkedHashMap<>();
		kinds.all().forEach(k -> k.lifecycle().transitions().stream().filter(t -> role.equals(t.todoRole()))
			.forEach(t -> byTitle.putIfAbsent(t.todoTitle(), new ArrayList<>())));
		// the stages where a step of the role is listed (归档 is taken from a closed case, which is no longer open)
		java.util.Set<String> stages = new java.util.LinkedHashSet<>();
		kinds.all().forEach(k -> k.lifecycle().transitions().stream().filter(t -> role.equals(t.todoRole()))
			.forEach(t -> stages.addAll(t.listedIn().isEmpty() ? t.from() : t.listedIn())));
		for (CaseFile c : cases.load(rows.openCases(scope, p, stages, LOOKED_AT))) {
			Optional<CaseTimer> next = running(c.id());
			boolean late = next.map(t -> t.due().isBefore(today)).orElse(false);
			String when = next.map(t -> "；" + t.label() + " " + t.due() + (late ? " 已届满（超期）" : " 届满")).orElse("");
			for (NextStep s : stepsFor(c, role)) {
				String detail = (s.possible() ? "可以办理" : "尚不能办理：" + s.blockers().get(0)) + (s.possible() || !s.blockers().get(0).contains(next.map(t -> t.due().toString()).orElse("-")) ? when : "");
				byTitle.computeIfAbsent(todoTitle(c, s), x -> new ArrayList<>()).add(new Todo.Item(label(c), detail, link(c), late));
			}
		}
		List<Todo> lists = new ArrayList<>();
		int i = 0;
		for (var e : byTitle.entrySet()) {
			List<Todo.Item> items = e.getValue();
			// what is late first, then what can be done now
			items.sort(Comparator.comparing((Todo.Item x) -> x.late() ? 0 : 1).thenComparing(x -> x.detail().startsWith("可以办理") ? 0 : 1));
			lists.add(new Todo(role, order + i++, e.getKey(), items.size(), "/cases?filter=" + ("LEADER".equals(role) ? "APPROVAL" : "LEGAL_REVIEW"), items));
		}
		return lists;
	}

	private List<NextStep> stepsFor(CaseFile c, String role) {
		Lifecycle l = kinds.lifecycle(c);
		return kinds.options(c).stream().filter(s -> l.transition(s.action()).map(t -> role.equals(t.todoRole())).orElse(false)).toList();
	}

	private String todoTitle(CaseFile c, NextStep s) {
		return kinds.lifecycle(c).transition(s.action()).map(Transition::todoTitle).orElse(s.step());
	}

	/** "立案审查应于 2026-11-10 前（超期）": the case's deadlines missed. */
	private String missed(long caseId, LocalDate today) {
		return String.join("；", timers.of(caseId).stream().filter(t -> t.stateOn(today) == CaseTimer.State.MISSED)
			.map(t -> t.label() + "应于 " + t.due() + " 前" + (t.closedOn() != null ? "（" + t.closedOn() + " 才办理）" : "（尚未办理）")).toList());
	}

	/** The case's running timer due soonest. */
	private Optional<CaseTimer> running(long caseId) {
		return timers.of(caseId).stream().filter(t -> t.state() == CaseTimer.State.RUNNING).min(Comparator.comparing(CaseTimer::due));
	}

	/** "；法制审核 2026-12-03 届满": the case's running timer due soonest. */
	private String nearest(long caseId, LocalDate today) {
		return running(caseId).map(t -> "；" + t.label() + " " + t.due() + (t.due().isBefore(today) ? " 已届满（超期）" : " 届满")).orElse("");
	}
}
