package zhifa.organization.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.organization.RegionLevel;
import zhifa.organization.Regions;
import zhifa.shared.BusinessRuleViolation;

@Controller
class RegionController {

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/regions")
	String tree(Model model) {
		model.addAttribute("regions", regions.tree());
		model.addAttribute("levels", RegionLevel.values());
		return "organization/regions";
	}

	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PostMapping("/regions")
	String create(@RequestParam(required = false) Long parentId, @RequestParam(required = false) RegionLevel level,
			@RequestParam(required = false) String code, @RequestParam(required = false) String name, Model model,
			RedirectAttributes flash) {
		try {
			var r = regions.create(new Regions.NewRegion(parentId, level, code, name));
			flash.addFlashAttribute("message", "已新增区划“" + r.name() + "”");
			return "redirect:/regions";
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("input", new Regions.NewRegion(parentId, level, code, name));
			return tree(model);
		}
	}
}
