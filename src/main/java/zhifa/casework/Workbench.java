package zhifa.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import zhifa.calendar.CalendarService;
import zhifa.casework.persistence.WorkbenchRows;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

/**
 * 办案工作台 over every kind of case: the lists (the kernel's and those modules contribute as {@link WorkbenchFilter}),
 * each read one keyset page at a time — newest first, {@value #DEFAULT_SIZE} by default, at most {@value #MAX_SIZE} — with
 * a bounded count instead of an exact one.
 */
@Service
public class Workbench {

	public static final int DEFAULT_SIZE = 100;
	public static final int MAX_SIZE = 500;

	/** One page: the cases, the id to continue below (null on the last page), and the count as shown ("37" or "1,000+"). */
	public record Page(List<CaseFile> items, Long next, String count) {
	}

	private final WorkbenchRows rows;
	private final Cases cases;
	private final CaseKinds kinds;
	private final BodyScopes scopes;
	private final CalendarService calendar;
	private final ObjectProvider<WorkbenchFilter> contributed;
	private final CaseTimers timers;
	private final Clock clock;

	Workbench(WorkbenchRows rows, Cases cases, CaseKinds kinds, BodyScopes scopes, CalendarService calendar, ObjectProvider<WorkbenchFilter> contributed,
			CaseTimers timers, Clock clock) {
		this.rows = rows;
		this.cases = cases;
		this.kinds = kinds;
		this.scopes = scopes;
		this.calendar = calendar;
		this.contributed = contributed;
		this.timers = timers;
		this.clock = clock;
	}

	/** For a module's filter: the cases the user (parameter {@code :me}) registered or is an officer on. */
	public static String mineCondition() {
		return WorkbenchRows.mine();
	}

	/** For a module's filter: the cases with a running timer of the type (its code given as a literal of a timer type). */
	public static String runningTimerCondition(TimerType type) {
		if (!type.name().matches("[A-Z_]+")) {
			throw new IllegalArgumentException(type.name());
		}
		return "c.id = any(array(select t.case_id from case_timer t where t.kind = '" + type.name() + "' and t.state = 'RUNNING'))";
	}

	/** Every filter, the kernel's first, in tab order. */
	public List<WorkbenchFilter> filters() {
		List<WorkbenchFilter> all = new ArrayList<>(List.of(
				filter("ALL", "全部", 0, (p, today, me) -> "true"),
				filter("MINE", "我的案件", 10, (p, today, me) -> {
					p.put("me", me == null ? -1L : me);
					return WorkbenchRows.mine();
				}),
				filter("OPEN", "未结", 20, (p, today, me) -> {
					p.put("openStages", List.copyOf(kinds.openStages()));
					return WorkbenchRows.stageIn();
				}),
				filter("DUE_SOON", "3个工作日内到期", 30, (p, today, me) -> {
					LocalDate limit = today;
					for (int i = 0; i < 3; i++) {
						limit = calendar.calendar().nextWorkingDay(limit);
					}
					p.put("today", today);
					p.put("limit", limit);
					return WorkbenchRows.dueBetween();
				}),
				WorkbenchFilter.ofBranches("OVERDUE", "已超期", 40, (p, today, me) -> {
					p.put("today", today);
					p.put("windows", timers.partyWindows());
					return WorkbenchRows.overdue();
				})));
		contributed.orderedStream().forEach(all::add);
		all.sort(Comparator.comparingInt(WorkbenchFilter::order));
		return all;
	}

	public WorkbenchFilter filter(String code) {
		String c = code == null || code.isBlank() ? "ALL" : code.strip();
		return filters().stream().filter(f -> f.code().equals(c)).findFirst().orElseThrow(() -> BusinessRuleViolation.onField("filter",
				"filter 应为 " + String.join("、", filters().stream().map(WorkbenchFilter::code).toList()) + " 之一"));
	}

	/** One page of the filter within the scope, below {@code before} (null: the newest). */
	public Page page(DataScope scope, String filterCode, Long before, Integer size) {
		int n = size == null ? DEFAULT_SIZE : size;
		if (n < 1 || n > MAX_SIZE) {
			throw BusinessRuleViolation.onField("size", "每页条数应在 1 到 " + MAX_SIZE + " 之间");
		}
		Map<String, Object> p = new HashMap<>();
		WorkbenchFilter f = filter(filterCode);
		List<String> branches = branches(scope, f, p);
		List<Long> ids;
		int count;
		if (before == null) {
			// the first page and the bounded count from one read of the newest matches
			List<Long> newest = rows.page(branches, p, null, Math.max(n + 1, WorkbenchRows.COUNT_CAP + 1));
			count = newest.size();
			ids = newest.subList(0, Math.min(newest.size(), n + 1));
		}
		else {
			ids = rows.page(branches, p, before, n + 1);
			count = rows.boundedCount(branches, p);
		}
		Long next = ids.size() > n ? ids.get(n - 1) : null;
		List<CaseFile> items = cases.load(ids.size() > n ? ids.subList(0, n) : ids);
		return new Page(items, next, count > WorkbenchRows.COUNT_CAP ? "1,000+" : String.valueOf(count));
	}

	/** The ids of one page, for a kind that loads its own view of them. */
	public List<Long> ids(DataScope scope, String filterCode, Long before, int limit) {
		Map<String, Object> p = new HashMap<>();
		return rows.page(branches(scope, filter(filterCode), p), p, before, limit);
	}

	/** The filter's alternatives, each within the scope. */
	private List<String> branches(DataScope scope, WorkbenchFilter f, Map<String, Object> p) {
		String within = scopes.sqlCondition(scope, "c.body_id", p);
		Long user = Operator.current().operatorKind() == Operator.Kind.USER ? Operator.current().operatorId() : null;
		return f.branches(p, LocalDate.now(clock), user).stream().map(b -> within + " and (" + b + ")").toList();
	}

	private static WorkbenchFilter filter(String code, String label, int order, WorkbenchFilter.Condition condition) {
		return WorkbenchFilter.of(code, label, order, condition);
	}
}
