package zhifa.supervision.plan.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;
import zhifa.supervision.plan.SupervisionPlans;
import zhifa.supervision.plan.SupervisionReport;

/** 年度监督计划 pages: the year's plans in the region, one plan with its items and progress, and the year's report. */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class SupervisionPlanController {

	private final SupervisionPlans plans;
	private final SupervisionReport reports;
	private final java.time.Clock clock;

	SupervisionPlanController(SupervisionPlans plans, SupervisionReport reports, java.time.Clock clock) {
		this.plans = plans;
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/supervision/plans")
	String list(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null || year < 2020 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		Operator me = Operator.current();
		model.addAttribute("year", y);
		model.addAttribute("plans", plans.ofYear(me.scope(), y));
		model.addAttribute("missing", plans.notFiled(me.scope(), y));
		model.addAttribute("due", LocalDate.of(y, 3, 31));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/plan/list";
	}

	@PostMapping("/supervision/plans")
	String draft(@RequestParam(required = false) Integer year, RedirectAttributes flash) {
		try {
			var p = plans.draft(Operator.current(), year == null ? LocalDate.now(clock).getYear() : year);
			return "redirect:/supervision/plans/" + p.id();
		}
		catch (zhifa.shared.BusinessRuleViolation e) {
			PageActions.refuse(flash, e);
			return "redirect:/supervision/plans";
		}
	}

	@GetMapping("/supervision/plans/{id}")
	String one(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		var p = plans.get(me.scope(), id);
		model.addAttribute("p", p);
		model.addAttribute("mine", me.bodyId() != null && me.bodyId() == p.bodyId());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("progresses", SupervisionPlans.Progress.values());
		return "supervision/plan/plan";
	}

	@PostMapping("/supervision/plans/{id}/items")
	String addItem(@PathVariable long id, @RequestParam(required = false) String title, @RequestParam(required = false) String target,
			@RequestParam(required = false) LocalDate startsOn, @RequestParam(required = false) LocalDate endsOn,
			@RequestParam(required = false) String responsible, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/plans/" + id, () -> {
			plans.addItem(Operator.current(), id, new SupervisionPlans.ItemForm(title, target, startsOn, endsOn, responsible));
			return "已增加监督事项";
		});
	}

	@PostMapping("/supervision/plans/{id}/items/{itemId}/removal")
	String removeItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/plans/" + id, () -> {
			plans.removeItem(Operator.current(), id, itemId);
			return "已删除监督事项";
		});
	}

	@PostMapping("/supervision/plans/{id}/filing")
	String file(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/plans/" + id, () -> {
			var p = plans.file(Operator.current(), id, version);
			return "已报备" + (p.late() ? "（超过3月31日）" : "");
		});
	}

	@PostMapping("/supervision/plans/{id}/items/{itemId}/progress")
	String progress(@PathVariable long id, @PathVariable long itemId, @RequestParam int version, @RequestParam(required = false) String progress,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/plans/" + id, () -> {
			plans.progress(Operator.current(), id, itemId, version, progress, note);
			return "已报告进展";
		});
	}

	@GetMapping("/supervision/plans/{id}/report.pdf")
	org.springframework.http.ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
		var p = plans.get(Operator.current().scope(), id);
		return zhifa.shared.web.Downloads.file(p.bodyName() + p.year() + "年度行政执法监督工作报告.pdf", org.springframework.http.MediaType.APPLICATION_PDF,
				reports.pdf(Operator.current().scope(), id));
	}

	@GetMapping("/supervision/plans/{id}/report")
	String report(@PathVariable long id, Model model) {
		model.addAttribute("r", reports.of(Operator.current().scope(), id));
		model.addAttribute("today", LocalDate.now(clock));
		return "supervision/plan/report";
	}
}
