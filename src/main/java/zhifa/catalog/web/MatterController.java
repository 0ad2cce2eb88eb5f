package zhifa.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import zhifa.catalog.MatterStatus;
import zhifa.catalog.Matters;
import zhifa.shared.Operator;

/** The matters a user may see, with their legal basis; editing is through the API until the catalogue workflow exists. */
@Controller
class MatterController {

	private final Matters matters;

	MatterController(Matters matters) {
		this.matters = matters;
	}

	@GetMapping("/matters")
	String list(@RequestParam(required = false) MatterStatus status, Model model) {
		model.addAttribute("matters", matters.list(Operator.current().scope(), null, status));
		model.addAttribute("withoutBasis", matters.withoutBasis(Operator.current().scope()));
		model.addAttribute("statuses", MatterStatus.values());
		model.addAttribute("status", status);
		return "catalog/matters";
	}
}
