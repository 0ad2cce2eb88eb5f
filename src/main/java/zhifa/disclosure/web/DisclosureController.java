package zhifa.disclosure.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.disclosure.DecisionDisclosures;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** The body's side of 事后公开: drafts to review and publish within 7 working days, published decisions to withdraw. */
@Controller
@PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL_REVIEWER','UNIT_ADMIN','SUPERVISOR','PLATFORM_ADMIN')")
class DisclosureController {

	private final DecisionDisclosures decisions;
	private final zhifa.disclosure.YearlyStatistics statistics;
	private final zhifa.organization.Bodies bodies;
	private final zhifa.shared.BodyScopes scopes;
	private final Clock clock;

	DisclosureController(DecisionDisclosures decisions, zhifa.disclosure.YearlyStatistics statistics, zhifa.organization.Bodies bodies,
			zhifa.shared.BodyScopes scopes, Clock clock) {
		this.decisions = decisions;
		this.statistics = statistics;
		this.bodies = bodies;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/disclosure/decisions")
	String list(Model model) {
		Operator me = Operator.current();
		model.addAttribute("items", decisions.forBodies(me.scope(), null));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayAct", me.holdsAnyRole(java.util.List.of("LEADER", "UNIT_ADMIN")));
		model.addAttribute("myBody", me.bodyId() == null ? -1L : me.bodyId());
		model.addAttribute("exemptWarningOnly", me.bodyId() != null && decisions.exemptWarningOnly(me.bodyId()));
		return "disclosure/decisions";
	}

	/** The body's own setting: decisions imposing a warning alone are not published. */
	@PostMapping("/disclosure/settings")
	String settings(@RequestParam(defaultValue = "false") boolean exemptWarningOnly, RedirectAttributes flash) {
		return PageActions.run(flash, "/disclosure/decisions", () -> {
			Operator me = Operator.current();
			if (me.bodyId() == null) {
				throw new org.springframework.security.access.AccessDeniedException("公开设置由执法主体的负责人或单位管理员办理");
			}
			decisions.setExemptWarningOnly(me, me.bodyId(), exemptWarningOnly);
			return exemptWarningOnly ? "已设置：本单位仅处警告的处罚决定不予公开" : "已设置：本单位仅处警告的处罚决定也予以公开";
		});
	}

	@GetMapping("/disclosure/statistics")
	String statistics(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) Integer year, Model model) {
		Operator me = Operator.current();
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() - 1 : year;
		Long body = bodyId != null ? bodyId : me.bodyId();
		model.addAttribute("bodies", bodies.choices(me.scope()));
		model.addAttribute("year", y);
		model.addAttribute("bodyId", body);
		model.addAttribute("columns", zhifa.disclosure.YearlyTables.Column.values());
		if (body != null) {
			requireInScope(me, body);
			model.addAttribute("s", statistics.of(body, y));
			model.addAttribute("published", statistics.published(body, y).orElse(null));
		}
		model.addAttribute("mayPublish", me.holdsAnyRole(java.util.List.of("LEADER", "UNIT_ADMIN")) && body != null && body.equals(me.bodyId())
				&& y < LocalDate.now(clock).getYear());
		if (me.holdsAnyRole(java.util.List.of("SUPERVISOR"))) {
			model.addAttribute("missing", statistics.notPublished(me.scope(), y));
			model.addAttribute("due", LocalDate.of(y + 1, 1, 31));
		}
		return "disclosure/statistics";
	}

	/** 县级汇总: every body in the supervisor's scope and their sum. */
	@org.springframework.security.access.prepost.PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/disclosure/statistics/summary")
	String summary(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() - 1 : year;
		model.addAttribute("summary", summaryOf(Operator.current(), y));
		model.addAttribute("columns", zhifa.disclosure.YearlyTables.Column.values());
		model.addAttribute("kinds", zhifa.disclosure.YearlyTables.Kind.values());
		model.addAttribute("year", y);
		return "disclosure/summary";
	}

	@org.springframework.security.access.prepost.PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/disclosure/statistics/summary.xlsx")
	org.springframework.http.ResponseEntity<byte[]> summaryExcel(@RequestParam(required = false) Integer year) {
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() - 1 : year;
		var summary = summaryOf(Operator.current(), y);
		return zhifa.shared.web.Downloads.xlsx(summary.total().bodyName() + y + "年度行政执法数据.xlsx", statistics.excel(summary));
	}

	private zhifa.disclosure.YearlyStatistics.Summary summaryOf(Operator me, int year) {
		String region = me.bodyId() == null ? "全部" : bodies.find(zhifa.shared.DataScope.all(), me.bodyId()).map(b -> b.regionName()).orElse("本区域");
		return statistics.summary(me.scope(), region + "汇总", year);
	}

	@PostMapping("/disclosure/statistics/publication")
	String publishStatistics(@RequestParam long bodyId, @RequestParam int year, RedirectAttributes flash) {
		return PageActions.run(flash, "/disclosure/statistics?bodyId=" + bodyId + "&year=" + year, () -> {
			var p = statistics.publish(Operator.current(), bodyId, year);
			return "已公开" + p.year() + "年度行政执法数据，公示网站可见";
		});
	}

	@GetMapping("/disclosure/statistics.xlsx")
	org.springframework.http.ResponseEntity<byte[]> statisticsExcel(@RequestParam long bodyId, @RequestParam int year) {
		requireInScope(Operator.current(), bodyId);
		var s = statistics.of(bodyId, Math.max(2000, Math.min(year, 2100)));
		return zhifa.shared.web.Downloads.file(s.bodyName() + s.year() + "年度行政执法数据.xlsx",
				org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), statistics.excel(s));
	}

	private void requireInScope(Operator me, long bodyId) {
		if (!scopes.covers(me.scope(), bodyId)) {
			throw new zhifa.shared.NotFound("执法主体");
		}
	}

	@PostMapping("/disclosure/decisions/{id}/publication")
	String publish(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String facts, RedirectAttributes flash) {
		return PageActions.run(flash, "/disclosure/decisions", () -> "已公开：" + decisions.publish(Operator.current(), id, version, facts).title());
	}

	@PostMapping("/disclosure/decisions/{id}/withdrawal")
	String withdraw(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/disclosure/decisions", () -> "已撤回：" + decisions.withdraw(Operator.current(), id, version, reason).title());
	}
}
