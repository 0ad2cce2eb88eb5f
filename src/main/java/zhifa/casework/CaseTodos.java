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

	private String label(CaseFile c) {
		return kinds.of(c.kind()).caseLabel(c);
	}

	private String link(CaseFile c) {
		return kinds.of(c.kind()).pagePath(c.id());
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
			lists.add(new Todo("SUPERVISOR", 10, "本平台办理中有超期环节的案件（各执法主体）", "1,000+".equals(page.count()) ? 1001 : Long.parseLong(page.count()),
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

	/** The officer's open cases with the steps his role takes next; what blocks them is asked only for the cases shown at once. */
	private Todo nextSteps(Operator me) {
		List<CaseFile> mine = cases.load(rows.myOpenCases(me.operatorId(), kinds.openStages(), Todo.KEPT));
		List<Todo.Item> items = new ArrayList<>();
		for (CaseFile c : mine) {
			List<Transition> steps = stepsFor(c, "OFFICER");
			if (steps.isEmpty()) {
				continue;
			}
			String detail;
			if (items.size() < Todo.SHOWN) {
				Optional<Transition> blocked = steps.stream().filter(t -> !t.guard().refusals(c).isEmpty()).findFirst();
				detail = blocked.map(t -> t.todoTitle() + "：" + String.join("；", t.guard().refusals(c)))
					.orElseGet(() -> "可以办理：" + String.join("、", steps.stream().map(Transition::todoTitle).toList()));
			}
			else {
				detail = "下一步：" + String.join("、", steps.stream().map(Transition::todoTitle).toList());
			}
			items.add(new Todo.Item(label(c), detail, link(c), false));
		}
		return new Todo("OFFICER", 20, "我的案件下一步（须补齐的证据和文书）", items.size(), "/cases?filter=FOR_ME", items);
	}

	/** One case waiting for a step of the role, with its running deadline due soonest. */
	private record Waiting(CaseFile c, Transition step, CaseTimer next) {
	}

	/**
	 * For the head or the reviewer: one list per step of the role, over the body's cases standing where such a step is
	 * listed — the latest deadline first; what blocks a step is asked only for the items shown at once.
	 */
	private List<Todo> stepLists(Operator me, String role, int order, LocalDate today) {
		Map<String, Object> p = new HashMap<>();
		String scope = scopes.sqlCondition(me.scope(), "c.body_id", p);
		Map<String, List<Waiting>> byTitle = new LinkedHashMap<>();
		// the stages where a step of the role is listed (归档 is taken from a closed case, which is no longer open)
		java.util.Set<String> stages = new java.util.LinkedHashSet<>();
		kinds.all().forEach(k -> k.lifecycle().transitions().stream().filter(t -> role.equals(t.todoRole())).forEach(t -> {
			byTitle.putIfAbsent(t.todoTitle(), new ArrayList<>());
			stages.addAll(t.listedIn().isEmpty() ? t.from() : t.listedIn());
		}));
		List<CaseFile> candidates = cases.load(rows.openCases(scope, p, stages, LOOKED_AT));
		Map<Long, CaseTimer> nearest = timers.nearestRunning(candidates.stream().map(CaseFile::id).toList());
		Map<Long, String> notes = kinds.listNotes(candidates);
		for (CaseFile c : candidates) {
			for (Transition t : stepsFor(c, role)) {
				byTitle.computeIfAbsent(t.todoTitle(), x -> new ArrayList<>()).add(new Waiting(c, t, nearest.get(c.id())));
			}
		}
		List<Todo> lists = new ArrayList<>();
		int i = 0;
		for (var e : byTitle.entrySet()) {
			List<Waiting> waiting = new ArrayList<>(e.getValue());
			waiting.sort(Comparator.comparing((Waiting w) -> w.next() == null ? LocalDate.MAX : w.next().due()));
			List<Todo.Item> items = new ArrayList<>();
			for (Waiting w : waiting) {
				boolean late = w.next() != null && w.next().due().isBefore(today);
				String when = w.next() == null ? "" : w.next().label() + " " + w.next().due() + (late ? " 已届满（超期）" : " 届满");
				String detail;
				if (items.size() < Todo.SHOWN) {
					List<String> blockers = w.step().guard().refusals(w.c());
					detail = blockers.isEmpty() ? "可以办理" + (when.isEmpty() ? "" : "；" + when)
							: "尚不能办理：" + blockers.get(0) + (when.isEmpty() || blockers.get(0).contains(w.next().due().toString()) ? "" : "；" + when);
				}
				else {
					detail = when;
				}
				String note = notes.get(w.c().id());
				items.add(new Todo.Item(label(w.c()), note == null ? detail : note + (detail.isEmpty() ? "" : "；" + detail), link(w.c()), late));
			}
			lists.add(new Todo(role, order + i++, e.getKey(), items.size(), "/cases?filter=FOR_ME", items));
		}
		return lists;
	}

	/** The steps listed for the case now whose to-do is the role's. */
	private List<Transition> stepsFor(CaseFile c, String role) {
		return kinds.lifecycle(c).listed(c, t -> role.equals(t.todoRole()));
	}


	/** "立案审查应于 2026-11-10 前（超期）": the case's deadlines missed. */
	private String missed(long caseId, LocalDate today) {
		return String.join("；", timers.of(caseId).stream().filter(t -> t.stateOn(today) == CaseTimer.State.MISSED)
			.map(t -> t.label() + "应于 " + t.due() + " 前" + (t.closedOn() != null ? "（" + t.closedOn() + " 才办理）" : "（尚未办理）")).toList());
	}
}
