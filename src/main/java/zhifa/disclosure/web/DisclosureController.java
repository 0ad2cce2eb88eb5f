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
	private final Clock clock;

	DisclosureController(DecisionDisclosures decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/disclosure/decisions")
	String list(Model model) {
		Operator me = Operator.current();
		model.addAttribute("items", decisions.forBodies(me.scope(), null));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayAct", me.holdsAnyRole(java.util.List.of("LEADER", "UNIT_ADMIN")));
		return "disclosure/decisions";
	}

	@PostMapping("/disclosure/decisions/{id}/publication")
	String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/disclosure/decisions", () -> "已公开：" + decisions.publish(Operator.current(), id, version).title());
	}

	@PostMapping("/disclosure/decisions/{id}/withdrawal")
	String withdraw(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/disclosure/decisions", () -> "已撤回：" + decisions.withdraw(Operator.current(), id, version, reason).title());
	}
}
