package zhifa.identity.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import zhifa.identity.AccountForm;
import zhifa.identity.Accounts;
import zhifa.identity.LoginSteps;
import zhifa.identity.Role;
import zhifa.identity.RoleGrantPolicy;
import zhifa.identity.TwoFactor;
import zhifa.identity.ZhifaUser;
import zhifa.organization.Bodies;
import zhifa.shared.BusinessRuleViolation;

@Controller
class AccountController {

	private static final int PAGE_SIZE = 30;

	private final Accounts accounts;
	private final Bodies bodies;
	private final java.time.Clock clock;
	private final TwoFactor twoFactor;
	private final LoginSteps steps;

	AccountController(Accounts accounts, Bodies bodies, java.time.Clock clock, TwoFactor twoFactor, LoginSteps steps) {
		this.accounts = accounts;
		this.bodies = bodies;
		this.clock = clock;
		this.twoFactor = twoFactor;
		this.steps = steps;
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','UNIT_ADMIN','SUPERVISOR')")
	@GetMapping("/accounts")
	String list(@AuthenticationPrincipal ZhifaUser me, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long bodyId, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var query = new Accounts.Query(q, bodyId, role);
		var items = accounts.search(me.accountScope(), query, page, PAGE_SIZE);
		long total = accounts.count(me.accountScope(), new Accounts.Query(null, bodyId, null));
		model.addAttribute("accounts", items);
		model.addAttribute("page", page);
		model.addAttribute("hasNext", items.size() == PAGE_SIZE);
		model.addAttribute("total", total);
		model.addAttribute("q", q);
		model.addAttribute("bodyId", bodyId);
		model.addAttribute("role", role);
		model.addAttribute("roles", Role.values());
		model.addAttribute("bodyChoices", bodies.choices(me.accountScope()));
		model.addAttribute("now", clock.instant());
		return "identity/accounts";
	}

	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@GetMapping("/accounts/new")
	String newForm(@AuthenticationPrincipal ZhifaUser me, Model model) {
		AccountForm form = new AccountForm();
		form.setBodyId(me.bodyId());
		return form(me, form, null, model);
	}

	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@PostMapping("/accounts")
	String create(@AuthenticationPrincipal ZhifaUser me, @ModelAttribute AccountForm form, Model model,
			RedirectAttributes flash) {
		try {
			var created = accounts.create(me, form, false);
			flash.addFlashAttribute("message", "已创建账号“" + created.username() + "”，首次登录须修改密码");
			return "redirect:/accounts/" + created.id();
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("error", e.getMessage());
			return form(me, form, null, model);
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SECURITY_ADMIN','AUDIT_ADMIN','UNIT_ADMIN','SUPERVISOR')")
	@GetMapping("/accounts/{id}")
	String show(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id, Model model) {
		model.addAttribute("account", accounts.get(me.accountScope(), id));
		model.addAttribute("now", clock.instant());
		return "identity/account";
	}

	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@GetMapping("/accounts/{id}/edit")
	String editForm(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id, Model model) {
		return form(me, AccountForm.of(accounts.get(me.accountScope(), id)), id, model);
	}

	@PreAuthorize("hasAnyRole('SECURITY_ADMIN','UNIT_ADMIN')")
	@PostMapping("/accounts/{id}")
	String update(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id, @ModelAttribute AccountForm form, Model model,
			RedirectAttributes flash) {
		try {
			accounts.update(me, id, form);
			flash.addFlashAttribute("message", "已保存");
			return "redirect:/accounts/" + id;
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("error", e.getMessage());
			return form(me, form, id, model);
		}
	}

	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SECURITY_ADMIN','UNIT_ADMIN')")
	@PostMapping("/accounts/{id}/{action:enable|disable|unlock|reset}")
	String act(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String password, RedirectAttributes flash) {
		try {
			switch (action) {
				case "enable" -> accounts.setEnabled(me, id, true);
				case "disable" -> accounts.setEnabled(me, id, false);
				case "unlock" -> accounts.unlock(me, id);
				default -> accounts.resetPassword(me, id, password);
			}
			flash.addFlashAttribute("message", switch (action) {
				case "enable" -> "账号已启用";
				case "disable" -> "账号已停用";
				case "unlock" -> "已解除锁定";
				default -> "密码已重置，用户下次登录须修改密码";
			});
		}
		catch (BusinessRuleViolation e) {
			zhifa.shared.web.PageActions.refuse(flash, e);
		}
		return "redirect:/accounts/" + id;
	}

	@GetMapping("/account/password")
	String passwordForm(@AuthenticationPrincipal ZhifaUser me, Model model) {
		model.addAttribute("expired", accounts.passwordExpired(me.id()));
		model.addAttribute("maxAgeDays", accounts.passwordMaxAge().toDays());
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal ZhifaUser me, @RequestParam String current, @RequestParam String next,
			@RequestParam String repeat, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes flash) throws Exception {
		try {
			accounts.changeOwnPassword(me, current, next, repeat);
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("error", e.getMessage());
			return passwordForm(me, model);
		}
		request.logout();
		flash.addFlashAttribute("message", "密码已修改，请用新密码重新登录");
		return "redirect:/login";
	}

	/** 动态口令: bind an authenticator (required for the platform administrators), see its state, turn it off. */
	@GetMapping("/account/two-factor")
	String twoFactor(@AuthenticationPrincipal ZhifaUser me, Model model) {
		boolean enrolled = twoFactor.enrolled(me.id());
		model.addAttribute("enrolled", enrolled);
		model.addAttribute("required", twoFactor.required(me));
		if (!enrolled) {
			model.addAttribute("enrolment", twoFactor.start(me));
		}
		return "identity/two-factor";
	}

	@PostMapping("/account/two-factor")
	String confirmTwoFactor(@AuthenticationPrincipal ZhifaUser me, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
			Model model) {
		try {
			model.addAttribute("recoveryCodes", twoFactor.confirm(me, code));
			steps.enrolled(request.getSession());
			model.addAttribute("enrolled", true);
			model.addAttribute("required", twoFactor.required(me));
			return "identity/two-factor";
		}
		catch (BusinessRuleViolation e) {
			model.addAttribute("error", e.getMessage());
			return twoFactor(me, model);
		}
	}

	@PostMapping("/account/two-factor/disable")
	String disableTwoFactor(@AuthenticationPrincipal ZhifaUser me, RedirectAttributes flash) {
		if (twoFactor.required(me)) {
			flash.addFlashAttribute("error", "您的账号须使用动态口令，不能停用；更换手机请联系安全管理员重置");
		}
		else {
			twoFactor.reset(me, me, me.id(), me.getUsername(), me.bodyId());
			flash.addFlashAttribute("message", "已停用动态口令");
		}
		return "redirect:/account/two-factor";
	}

	@PreAuthorize("hasRole('SECURITY_ADMIN')")
	@PostMapping("/accounts/{id}/two-factor/reset")
	String resetTwoFactor(@AuthenticationPrincipal ZhifaUser me, @PathVariable long id, RedirectAttributes flash) {
		var a = accounts.get(me.accountScope(), id);
		twoFactor.reset(me, null, a.id(), a.username(), a.bodyId());
		accounts.suspendAfterReset(a.id());
		flash.addFlashAttribute("message", "已重置该账号的动态口令，下次登录时须重新绑定");
		return "redirect:/accounts/" + id;
	}

	private String form(ZhifaUser me, AccountForm form, Long id, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("accountId", id);
		model.addAttribute("bodyChoices", bodies.choices(me.accountScope()));
		model.addAttribute("roles", me.has(Role.SECURITY_ADMIN) ? Role.values() : RoleGrantPolicy.UNIT_GRANTABLE.toArray(Role[]::new));
		model.addAttribute("security", me.has(Role.SECURITY_ADMIN));
		return "identity/account-form";
	}
}
