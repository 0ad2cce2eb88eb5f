package zhifa.inspection.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.inspection.items.InspectionItems;
import zhifa.organization.Bodies;
import zhifa.shared.Operator;
import zhifa.shared.web.PageActions;

/** 随机抽查事项清单: each body's administrator keeps its list; staff and supervisors in scope read it. */
@Controller
@PreAuthorize("hasAnyRole('OFFICER','LEADER','LEGAL_REVIEWER','UNIT_ADMIN','SUPERVISOR','PLATFORM_ADMIN')")
class ItemController {

	private final InspectionItems items;
	private final Bodies bodies;

	ItemController(InspectionItems items, Bodies bodies) {
		this.items = items;
		this.bodies = bodies;
	}

	@GetMapping("/inspection/items")
	String list(@RequestParam(required = false) Long bodyId, Model model) {
		Operator me = Operator.current();
		Long body = bodyId != null ? bodyId : me.bodyId();
		model.addAttribute("items", items.list(me.scope(), bodyId));
		model.addAttribute("bodies", bodies.choices(me.scope()));
		model.addAttribute("bodyId", bodyId);
		boolean admin = me.holdsAnyRole(java.util.List.of("UNIT_ADMIN", "PLATFORM_ADMIN"));
		model.addAttribute("mayEdit", admin);
		model.addAttribute("formBody", body);
		model.addAttribute("candidates", admin && body != null ? items.candidates(body) : java.util.List.of());
		return "inspection/items";
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/inspection/items")
	String create(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) String matterCode,
			@RequestParam(required = false) String objectScope, @RequestParam(required = false) String method, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/items" + (bodyId == null ? "" : "?bodyId=" + bodyId), () -> {
			var i = items.create(Operator.current(), bodyId, matterCode, objectScope, method);
			return "已加入清单（草稿）：" + i.name() + "；公布后才能用于随机抽查";
		});
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/inspection/items/{id}/publication")
	String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/items", () -> "已公布：" + items.publish(Operator.current(), id, version).name());
	}

	@PreAuthorize("hasAnyRole('UNIT_ADMIN','PLATFORM_ADMIN')")
	@PostMapping("/inspection/items/{id}/withdrawal")
	String withdraw(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		return PageActions.run(flash, "/inspection/items", () -> "已撤回：" + items.withdraw(Operator.current(), id, version, reason).name());
	}
}
