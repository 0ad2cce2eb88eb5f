package zhifa.organization.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.organization.Domains;
import zhifa.shared.BusinessRuleViolation;

@Controller
class DomainController {

	private final Domains domains;

	DomainController(Domains domains) {
		this.domains = domains;
	}

	@GetMapping("/domains")
	String list(Model model) {
		model.addAttribute("domains", domains.all());
		return "organization/domains";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/domains")
	String add(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			RedirectAttributes flash) {
		try {
			domains.add(code, name);
			flash.addFlashAttribute("message", "已新增执法领域“" + name.strip() + "”");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/domains";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/domains/{code}/{action:activate|deactivate}")
	String toggle(@PathVariable String code, @PathVariable String action, RedirectAttributes flash) {
		try {
			domains.setActive(code, action.equals("activate"));
			flash.addFlashAttribute("message", "已" + (action.equals("activate") ? "启用" : "停用"));
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/domains";
	}
}
