package zhifa.shared.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Role checks inside a request, for modules that must not depend on the identity module. */
public final class CurrentRoles {

	private CurrentRoles() {
	}

	public static boolean hasAny(String... roles) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return false;
		}
		for (String role : roles) {
			if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role))) {
				return true;
			}
		}
		return false;
	}
}
