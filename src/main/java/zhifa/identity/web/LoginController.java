package zhifa.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import zhifa.identity.LoginSteps;
import zhifa.identity.ZhifaUser;

@Controller
class LoginController {

	private final LoginSteps steps;

	LoginController(LoginSteps steps) {
		this.steps = steps;
	}

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		Object error = session.getAttribute("loginError");
		if (error != null) {
			model.addAttribute("error", error);
			session.removeAttribute("loginError");
		}
		return "identity/login";
	}

	/** The second step of a login where an authenticator is bound. */
	@GetMapping("/login/two-factor")
	String secondFactor(@AuthenticationPrincipal ZhifaUser me, HttpSession session) {
		return me == null || !steps.pending(session) ? "redirect:/login" : "identity/two-factor-login";
	}

	@PostMapping("/login/two-factor")
	String secondFactor(@AuthenticationPrincipal ZhifaUser me, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
			Model model) {
		if (me == null || !steps.pending(request.getSession())) {
			return "redirect:/login";
		}
		var outcome = steps.secondFactor(me, code, request);
		if (outcome.next() != null) {
			return "redirect:" + outcome.next();
		}
		model.addAttribute("error", outcome.error());
		return outcome.loggedOut() ? "identity/login" : "identity/two-factor-login";
	}

	@org.springframework.web.bind.annotation.RequestMapping("/denied")
	String denied() {
		return "identity/denied";
	}
}
