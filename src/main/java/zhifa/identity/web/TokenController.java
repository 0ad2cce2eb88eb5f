package zhifa.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.identity.ApiTokens;
import zhifa.identity.ZhifaUser;
import zhifa.organization.Bodies;
import zhifa.shared.BusinessRuleViolation;

@Controller
@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
class TokenController {

	private final ApiTokens tokens;
	private final Bodies bodies;

	TokenController(ApiTokens tokens, Bodies bodies) {
		this.tokens = tokens;
		this.bodies = bodies;
	}

	@GetMapping("/tokens")
	String list(@AuthenticationPrincipal ZhifaUser me, Model model) {
		model.addAttribute("tokens", tokens.list(me.accountScope()));
		model.addAttribute("bodyChoices", bodies.choices(me.accountScope()));
		return "identity/tokens";
	}

	@PostMapping("/tokens")
	String issue(@AuthenticationPrincipal ZhifaUser me, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) String name, Model model) {
		try {
			if (bodyId == null && me.bodyId() == null) {
				throw BusinessRuleViolation.onField("bodyId", "请选择令牌所属的单位：令牌以该单位的名义调用接口");
			}
			long body = bodyId != null ? bodyId : me.bodyId();
			var issued = tokens.issue(me, body, name);
			model.addAttribute("issued", issued);
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
		}
		return list(me, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id, RedirectAttributes flash) {
		try {
			tokens.revoke(me, id);
			flash.addFlashAttribute("message", "令牌已吊销，使用它的系统将无法再调用接口");
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/tokens";
	}
}
