package zhifa.identity.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import zhifa.identity.ZhifaUser;

/** Puts the signed-in user into every page's model as {@code me}. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	@ModelAttribute("me")
	ZhifaUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof ZhifaUser u ? u : null;
	}
}
