package zhifa.supervision.actionplan.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.Operator;
import zhifa.shared.UploadedFile;
import zhifa.shared.web.Downloads;
import zhifa.shared.web.PageActions;
import zhifa.supervision.actionplan.ActionPlans;
import zhifa.supervision.actionplan.PlanEvaluations;

/** 三年行动方案: the plans, one plan's task table with computed and reported statuses, progress reports, evaluation reports. */
@Controller
class ActionPlanController {

	private final ActionPlans plans;
	private final PlanEvaluations evaluations;
	private final java.time.Clock clock;

	ActionPlanController(ActionPlans plans, PlanEvaluations evaluations, java.time.Clock clock) {
		this.plans = plans;
		this.evaluations = evaluations;
		this.clock = clock;
	}

	@GetMapping("/action-plans")
	String list(Model model) {
		var all = plans.plans();
		if (all.size() == 1) {
			return "redirect:/action-plans/" + all.get(0).id();
		}
		model.addAttribute("plans", all);
		model.addAttribute("supervisor", Operator.current().holdsAnyRole(List.of("SUPERVISOR")));
		return "supervision/actionplan/list";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/action-plans/import")
	String importForm(Model model) {
		return "supervision/actionplan/import";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/action-plans")
	String load(@RequestParam(required = false) String text, RedirectAttributes flash) {
		try {
			long id = plans.load(Operator.current(), text);
			flash.addFlashAttribute("message", "已导入方案的任务分解");
			return "redirect:/action-plans/" + id;
		}
		catch (BusinessRuleViolation e) {
			PageActions.refuse(flash, e);
			flash.addFlashAttribute("text", text);
			return "redirect:/action-plans/import";
		}
	}

	@GetMapping("/action-plans/{id}")
	String plan(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		model.addAttribute("p", plans.get(me.scope(), id));
		model.addAttribute("today", java.time.LocalDate.now(clock));
		model.addAttribute("supervisor", me.holdsAnyRole(List.of("SUPERVISOR")));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("canReport", me.bodyId() != null && me.holdsAnyRole(List.of("UNIT_ADMIN", "LEADER", "SUPERVISOR")));
		model.addAttribute("evaluations", evaluations.evaluations(id));
		model.addAttribute("others", plans.plans().size() > 1);
		return "supervision/actionplan/plan";
	}

	@PostMapping("/action-plans/{id}/items/{itemId}/reports")
	String report(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String state, @RequestParam(required = false) String note,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		return PageActions.run(flash, "/action-plans/" + id + "#item-" + itemId, () -> {
			UploadedFile upload = null;
			if (file != null && !file.isEmpty()) {
				try {
					upload = UploadedFile.of(file.getBytes(), file.getContentType(), file.getOriginalFilename());
				}
				catch (IOException e) {
					throw BusinessRuleViolation.onField("file", "附件读取失败，请重新选择");
				}
			}
			plans.report(Operator.current(), itemId, state, note, upload);
			return "已报告进展";
		});
	}

	@GetMapping("/action-plans/reports/{reportId}/file")
	ResponseEntity<byte[]> attachment(@PathVariable long reportId) {
		var f = plans.attachment(Operator.current(), reportId);
		return Downloads.file(f.name(), MediaType.parseMediaType(f.contentType()), f.bytes());
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/action-plans/{id}/evaluations")
	String evaluate(@PathVariable long id, @RequestParam(required = false) String kind, RedirectAttributes flash) {
		return PageActions.run(flash, "/action-plans/" + id, () -> {
			var e = evaluations.generate(Operator.current(), id, kind);
			return "已生成" + e.kind().label() + "（PDF 和 Word）";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/action-plans/evaluations/{evaluationId}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long evaluationId) {
		var e = evaluations.evaluation(evaluationId);
		return Downloads.file(e.kind().label() + ".pdf", MediaType.APPLICATION_PDF, evaluations.file(evaluationId, true));
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/action-plans/evaluations/{evaluationId}.docx")
	ResponseEntity<byte[]> docx(@PathVariable long evaluationId) {
		var e = evaluations.evaluation(evaluationId);
		return Downloads.file(e.kind().label() + ".docx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), evaluations.file(evaluationId, false));
	}
}
