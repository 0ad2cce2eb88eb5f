package zhifa.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.catalog.TownshipPowers;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;
import zhifa.shared.web.Downloads;

/** 乡镇赋权: delegated matters per township with their documents and history, evaluations, feedback, the yearly report. */
@Controller
class TownshipController {

	private final TownshipPowers powers;
	private final java.time.Clock clock;

	TownshipController(TownshipPowers powers, java.time.Clock clock) {
		this.powers = powers;
		this.clock = clock;
	}

	@GetMapping("/townships")
	String list(Model model) {
		var scope = Operator.current().scope();
		var list = powers.townships(scope);
		if (list.size() == 1) {
			return "redirect:/townships/" + list.get(0).bodyId();
		}
		model.addAttribute("townships", list);
		model.addAttribute("year", LocalDate.now(clock).getYear() - 1);
		return "catalog/townships";
	}

	@GetMapping("/townships/{id}")
	String township(@PathVariable long id, Model model) {
		var scope = Operator.current().scope();
		model.addAttribute("t", powers.township(scope, id));
		model.addAttribute("delegations", powers.delegations(scope, id));
		model.addAttribute("delegable", powers.delegable(id));
		model.addAttribute("evaluations", powers.evaluations(id));
		model.addAttribute("feedback", powers.feedback(id));
		model.addAttribute("channels", TownshipPowers.Channel.values());
		model.addAttribute("satisfactions", TownshipPowers.Satisfaction.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "catalog/township";
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/townships/{id}/delegations")
	String delegate(@PathVariable long id, @RequestParam(required = false) Long matterId, @RequestParam(defaultValue = "") String documentTitle,
			@RequestParam(defaultValue = "") String documentNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String provincialBasis, RedirectAttributes flash) {
		return act(id, flash, () -> powers.delegate(Operator.current().scope(),
				new TownshipPowers.Delegate(id, matterId, documentTitle, documentNumber, effectiveFrom, reason, provincialBasis), false), "已下放");
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/townships/{id}/delegations/{delegationId}/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long delegationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate withdrawnOn,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		return act(id, flash, () -> powers.withdraw(Operator.current().scope(), delegationId, withdrawnOn, reason), "已收回");
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/townships/{id}/evaluations")
	String evaluate(@PathVariable long id, @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String assessor,
			@RequestParam(required = false) BigDecimal score, @RequestParam(defaultValue = "") String comments,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn, RedirectAttributes flash) {
		return act(id, flash, () -> powers.addEvaluation(Operator.current().scope(), id,
				new TownshipPowers.NewEvaluation(year, assessor, score, comments, assessedOn), false), "已录入第三方评估");
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/townships/{id}/feedback")
	String feedback(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) TownshipPowers.Channel channel, @RequestParam(required = false) TownshipPowers.Satisfaction satisfaction,
			@RequestParam(defaultValue = "") String content, RedirectAttributes flash) {
		return act(id, flash, () -> powers.addFeedback(Operator.current().scope(), id,
				new TownshipPowers.NewFeedback(receivedOn, channel, satisfaction, content), false), "已录入群众评价");
	}

	@GetMapping("/townships/report")
	String report(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() - 1 : year;
		model.addAttribute("year", y);
		model.addAttribute("lines", powers.report(Operator.current().scope(), y));
		model.addAttribute("connected", powers.activityConnected());
		return "catalog/township-report";
	}

	@GetMapping("/townships/report.xlsx")
	ResponseEntity<byte[]> reportXlsx(@RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() - 1 : year;
		return Downloads.xlsx("乡镇（街道）赋权事项评估报告" + y + ".xlsx", powers.reportWorkbook(Operator.current().scope(), y));
	}

	private String act(long township, RedirectAttributes flash, Runnable action, String done) {
		return PageActions.run(flash, "/townships/" + township, () -> {
			action.run();
			return done;
		});
	}
}
