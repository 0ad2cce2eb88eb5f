package zhifa.inspection.web;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import zhifa.shared.RandomDraw;
import zhifa.inspection.draw.Recompute;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.shared.NotFound;

/**
 * A draw in public, without login ({@code /verify/draws/任务编号}): the task's parameters, how many objects of each class
 * it drew from how many, the commitment published before the draw, the beacon, the seed, the result's digest and the
 * enterprises drawn. The pool text itself carries each enterprise's credit-risk class, which the authorities use
 * internally: it is given to those who verify the draw (staff, supervisors, auditors on request), who recompute it with
 * the documented function.
 */
@Controller
class PublicDrawController {

	private final InspectionPlans plans;
	private final zhifa.inspection.visits.VisitLists lists;

	PublicDrawController(InspectionPlans plans, zhifa.inspection.visits.VisitLists lists) {
		this.plans = plans;
		this.lists = lists;
	}

	@GetMapping("/verify/draws/{code}")
	String show(@PathVariable String code, Model model) {
		var t = plans.published(code).orElseThrow(() -> new NotFound("抽查任务"));
		var parsed = Recompute.parse(plans.canonical(t.id()));
		model.addAttribute("t", t);
		model.addAttribute("poolSize", parsed.population().size());
		model.addAttribute("sizes", RandomDraw.sizes(parsed.ratios(), parsed.population()));
		// the enterprises drawn, by code: their credit-risk classes are for the authorities' use and are not shown here
		model.addAttribute("drawn", lists.drawnOf(t.id()));
		return "inspection/public-draw";
	}
}
