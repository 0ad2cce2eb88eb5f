package zhifa.identity.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import zhifa.calendar.CalendarService;
import zhifa.identity.Accounts;
import zhifa.identity.Role;
import zhifa.identity.ZhifaUser;
import zhifa.officer.Certificates;
import zhifa.officer.Compliance;
import zhifa.organization.Bodies;
import zhifa.record.RecordQueries;
import zhifa.shared.Deadline;
import zhifa.shared.DeadlineUnit;

/** The home page: real figures from the data, for the signed-in user's scope. */
@Controller
class HomeController {

	private final Bodies bodies;
	private final Accounts accounts;
	private final RecordQueries records;
	private final CalendarService calendar;
	private final java.time.Clock clock;
	private final Certificates certificates;
	private final Compliance compliance;
	private final zhifa.officer.Qualifications qualifications;
	private final org.springframework.beans.factory.ObjectProvider<zhifa.shared.TodoSource> todoSources;

	/** One role's lists on the home page. */
	record RoleTodos(Role role, java.util.List<zhifa.shared.Todo> lists) {

		/** The lists with something in them, as cards. */
		public java.util.List<zhifa.shared.Todo> open() {
			return lists.stream().filter(t -> t.count() > 0 || !t.items().isEmpty()).toList();
		}

		/** The titles of the lists with nothing in them: one line, not a card each (a phone screen each otherwise). */
		public java.util.List<String> none() {
			return lists.stream().filter(t -> t.count() == 0 && t.items().isEmpty()).map(zhifa.shared.Todo::title).toList();
		}
	}

	/** The daily casework first: what an officer or a head must do today comes before what an administrator looks after. */
	private static final java.util.List<Role> FIRST = java.util.List.of(Role.OFFICER, Role.LEADER);

	HomeController(Bodies bodies, Accounts accounts, RecordQueries records, CalendarService calendar, java.time.Clock clock,
			Certificates certificates, Compliance compliance, org.springframework.beans.factory.ObjectProvider<zhifa.shared.TodoSource> todoSources,
			zhifa.officer.Qualifications qualifications) {
		this.qualifications = qualifications;
		this.todoSources = todoSources;
		this.certificates = certificates;
		this.compliance = compliance;
		this.bodies = bodies;
		this.accounts = accounts;
		this.records = records;
		this.calendar = calendar;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal ZhifaUser me, Model model) {
		var scope = me.scope();
		var day = java.time.LocalDate.now(clock);
		java.util.List<zhifa.shared.Todo> all = todoSources.orderedStream().flatMap(s -> s.todos(me, day).stream()).toList();
		java.util.List<RoleTodos> todos = new java.util.ArrayList<>();
		java.util.List<Role> order = new java.util.ArrayList<>(FIRST);
		java.util.Arrays.stream(Role.values()).filter(r -> !FIRST.contains(r)).forEach(order::add);
		for (Role r : order) {
			if (me.has(r)) {
				var lists = all.stream().filter(t -> t.role().equals(r.name()))
					// lists with something in them first, each role's in its own order
					.sorted(java.util.Comparator.comparing((zhifa.shared.Todo t) -> t.count() == 0).thenComparingInt(zhifa.shared.Todo::order)).toList();
				if (!lists.isEmpty()) {
					todos.add(new RoleTodos(r, lists));
				}
			}
		}
		model.addAttribute("todos", todos);
		Map<String, Long> counts = bodies.counts(scope);
		model.addAttribute("bodyCount", counts.get("total"));
		model.addAttribute("activeBodyCount", counts.get("active"));
		model.addAttribute("userCount", accounts.count(me.accountScope(), new Accounts.Query(null, null, null)));
		// the 安全管理员 and the 审计管理员 keep accounts and the log, not enforcement data: no figures of bodies and officers
		// (their data scope holds none) and no links to the pages behind them, which they may not open
		boolean enforcementFigures = me.has(Role.PLATFORM_ADMIN) || me.has(Role.SUPERVISOR) || me.has(Role.UNIT_ADMIN);
		model.addAttribute("enforcementFigures", enforcementFigures);
		if (enforcementFigures) {
			var figures = compliance.figures(scope, java.time.LocalDate.now(clock).getYear());
			model.addAttribute("officerTotals", compliance.total(figures));
		}
		var today = java.time.LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("uncertified", zhifa.shared.Operator.current().operatorKind() == zhifa.shared.Operator.Kind.USER && qualifications.uncertifiedUser(zhifa.shared.Operator.current().operatorId()));
		model.addAttribute("todayType", calendar.calendar().dayType(today));
		model.addAttribute("in5", calendar.due(Deadline.of(today, 5, DeadlineUnit.WORKING_DAYS, "行政处罚法第六十四条")));
		model.addAttribute("in7", calendar.due(Deadline.of(today, 7, DeadlineUnit.WORKING_DAYS, "行政处罚法第六十一条")));
		model.addAttribute("in15", calendar.due(Deadline.of(today, 15, DeadlineUnit.CALENDAR_DAYS, "行政处罚法第六十七条")));
		if (me.bodyId() != null) {
			model.addAttribute("myBody", bodies.find(scope, me.bodyId()).orElse(null));
		}
		model.addAttribute("roleView", me.roles().stream().anyMatch(Role.PLATFORM_DUTIES::contains) ? "admin"
				: me.has(Role.SUPERVISOR) ? "supervisor" : "body");
		return "identity/home";
	}
}
