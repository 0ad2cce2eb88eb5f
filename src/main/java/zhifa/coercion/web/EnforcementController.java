package zhifa.coercion.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.coercion.Enforcements;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** The case page's 行政强制执行 forms; each posts, then returns to the case page with the result. */
@Controller
class EnforcementController {

	private final Enforcements enforcements;

	EnforcementController(Enforcements enforcements) {
		this.enforcements = enforcements;
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/urge")
	String urge(@PathVariable long id, @RequestParam(required = false) LocalDate servedOn, @RequestParam(defaultValue = "") String proof,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			enforcements.urge(Operator.current().scope(), id, servedOn, proof);
			return "已登记催告";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/enforcement/statement")
	String statement(@PathVariable long id, @RequestParam(defaultValue = "") String statement, @RequestParam(defaultValue = "") String review,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			enforcements.statement(Operator.current().scope(), id, statement, review);
			return "已记录陈述、申辩及复核意见";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/court-application")
	String apply(@PathVariable long id, @RequestParam(required = false) LocalDate appliedOn, @RequestParam(defaultValue = "") String court,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			enforcements.applyToCourt(Operator.current().scope(), id, appliedOn, court);
			return "已登记强制执行申请";
		});
	}

	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/cases/{id}/enforcement/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) LocalDate on, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String powerBasis, RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			enforcements.decide(Operator.current().scope(), id, on, powerBasis, number);
			return "已作出强制执行决定";
		});
	}

	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/cases/{id}/court-result")
	String result(@PathVariable long id, @RequestParam(required = false) LocalDate on, @RequestParam(defaultValue = "") String result,
			RedirectAttributes flash) {
		return PageActions.run(flash, "/cases/" + id, () -> {
			enforcements.result(Operator.current().scope(), id, on, result);
			return "已登记强制执行结果";
		});
	}
}
