package zhifa.supervision.special.web;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.organization.Bodies;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;
import zhifa.supervision.special.SpecialItem;
import zhifa.supervision.special.SpecialSupervision;

/** 专项监督 pages: the list, one item with its steps, registering a suggestion, designating an act. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_ADMIN','LEADER')")
class SpecialController {

	private final SpecialSupervision special;
	private final Bodies bodies;
	private final java.time.Clock clock;

	SpecialController(SpecialSupervision special, Bodies bodies, java.time.Clock clock) {
		this.special = special;
		this.bodies = bodies;
		this.clock = clock;
	}

	@GetMapping("/supervision/special")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
			Model model) {
		SpecialItem.Status s = parse(SpecialItem.Status.class, status, "status", "状态");
		SpecialItem.Kind k = parse(SpecialItem.Kind.class, kind, "kind", "类别");
		model.addAttribute("page", special.list(Operator.current().scope(), s, k, Math.min(Math.max(page, 0), 10_000), 50));
		model.addAttribute("status", s);
		model.addAttribute("kind", k);
		model.addAttribute("statuses", SpecialItem.Status.values());
		model.addAttribute("kinds", SpecialItem.Kind.values());
		model.addAttribute("today", LocalDate.now(clock));
		var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/supervision/special");
		if (s != null) {
			b.queryParam("status", s.name());
		}
		if (k != null) {
			b.queryParam("kind", k.name());
		}
		String base = b.build().toUriString();
		model.addAttribute("baseUrl", base + (base.contains("?") ? "&" : "?"));
		return "supervision/special/list";
	}

	@GetMapping("/supervision/special/{id}")
	String one(@PathVariable long id, Model model) {
		Operator me = Operator.current();
		SpecialItem s = special.get(me.scope(), id);
		model.addAttribute("s", s);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayAnswer", me.holdsAnyRole(java.util.List.of("UNIT_ADMIN", "LEADER")) && me.bodyId() != null && me.bodyId() == s.bodyId());
		model.addAttribute("maySupervise", me.holdsAnyRole(java.util.List.of("SUPERVISOR")));
		return "supervision/special/item";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@GetMapping("/supervision/special/new")
	String form(Model model) {
		model.addAttribute("bodies", bodies.choices(Operator.current().scope()));
		model.addAttribute("types", SpecialItem.SuggestionType.values());
		return "supervision/special/new";
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/special")
	String register(@RequestParam(required = false) String suggestionType, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) String issuer, @RequestParam(required = false) String documentNumber,
			@RequestParam(required = false) LocalDate receivedOn, @RequestParam(required = false) String demands,
			@RequestParam(required = false) LocalDate answerDue, RedirectAttributes flash) {
		try {
			var s = special.register(Operator.current(),
					new SpecialSupervision.SuggestionForm(suggestionType, bodyId, issuer, documentNumber, receivedOn, demands, answerDue));
			flash.addFlashAttribute("message", "已登记：" + s.title());
			return "redirect:/supervision/special/" + s.id();
		}
		catch (zhifa.shared.BusinessRuleViolation e) {
			PageActions.refuse(flash, e);
			return "redirect:/supervision/special/new";
		}
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/acts/{actId}/special")
	String designate(@PathVariable long actId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/acts/" + actId, () -> "已列入专项监督：" + special.designate(Operator.current(), actId, reason).title());
	}

	@PostMapping("/supervision/special/{id}/answer")
	String answer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String answer, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/special/" + id, () -> {
			special.answer(Operator.current(), id, version, answer);
			return "已报告纠正和整改情况";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/special/{id}/close")
	String close(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String conclusion, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/special/" + id, () -> {
			special.close(Operator.current(), id, version, conclusion);
			return "专项监督已办结";
		});
	}

	@PreAuthorize("hasRole('SUPERVISOR')")
	@PostMapping("/supervision/special/{id}/return")
	String returnAnswer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/supervision/special/" + id, () -> {
			special.returnAnswer(Operator.current(), id, version, reason);
			return "已退回，被监督单位须重新报告";
		});
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw zhifa.shared.BusinessRuleViolation.onField(field, "没有这个" + label);
		}
	}
}
