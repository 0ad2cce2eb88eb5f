package zhifa.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpSession;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		Object error = session.getAttribute("loginError");
		if (error != null) {
			model.addAttribute("error", error);
			session.removeAttribute("loginError");
		}
		return "identity/login";
	}

	@org.springframework.web.bind.annotation.RequestMapping("/denied")
	String denied() {
		return "identity/denied";
	}
}
