package zhifa.penalty.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.ProcedureProfile.Number;
import zhifa.penalty.ProcedureProfiles;
import zhifa.shared.web.PageActions;

/** 办案期限设置: every domain's procedure numbers with their sources; the system administrator sets them. */
@Controller
class ProcedureProfileController {

	private final ProcedureProfiles profiles;

	ProcedureProfileController(ProcedureProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/procedure-profiles")
	String list(@RequestParam(required = false) String domain, Model model) {
		model.addAttribute("profiles", profiles.all());
		model.addAttribute("domains", profiles.domains());
		String chosen = domain == null || domain.isBlank() ? ProcedureProfile.DEFAULT : domain;
		model.addAttribute("chosen", chosen);
		model.addAttribute("form", profiles.ofKnown(chosen));
		return "penalty/profiles";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/procedure-profiles")
	String save(@RequestParam(defaultValue = "") String domainCode, @RequestParam(required = false) Integer filing,
			@RequestParam(defaultValue = "") String filingSource, @RequestParam(required = false) Integer filingExtension,
			@RequestParam(defaultValue = "") String filingExtensionSource, @RequestParam(required = false) Integer decision,
			@RequestParam(defaultValue = "") String decisionSource, @RequestParam(required = false) Integer decisionExtension,
			@RequestParam(defaultValue = "") String decisionExtensionSource, @RequestParam(required = false) Integer legalReview,
			@RequestParam(defaultValue = "") String legalReviewSource, @RequestParam(required = false) Integer statement,
			@RequestParam(defaultValue = "") String statementSource, @RequestParam(required = false) Integer onspotReport,
			@RequestParam(defaultValue = "") String onspotReportSource, RedirectAttributes flash) {
		String back = org.springframework.web.util.UriComponentsBuilder.fromPath("/procedure-profiles").queryParam("domain", domainCode).encode().build()
			.toUriString();
		return PageActions.run(flash, back, () -> {
			profiles.save(new ProcedureProfile(domainCode, n(filing, filingSource), n(filingExtension, filingExtensionSource), n(decision, decisionSource),
					n(decisionExtension, decisionExtensionSource), n(legalReview, legalReviewSource), n(statement, statementSource),
					n(onspotReport, onspotReportSource), null));
			return "已保存办案期限设置（新立的案件和新开始的期限按新设置计算，已在计算的期限不变）";
		});
	}

	private static Number n(Integer days, String source) {
		return new Number(days == null ? -1 : days, source);
	}
}
