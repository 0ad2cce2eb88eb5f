package zhifa.shared.web;

import java.math.BigDecimal;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import zhifa.shared.BusinessRuleViolation;

/**
 * The one way a page form acts: run the action, put its message (or the rule it broke, in Chinese) into the flash, and
 * redirect back to the page. Amounts typed in yuan become fen here.
 */
public final class PageActions {

	private PageActions() {
	}

	public static String run(RedirectAttributes flash, String redirect, Supplier<String> action) {
		try {
			flash.addFlashAttribute("message", action.get());
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:" + redirect;
	}

	/** Yuan as typed into a form, in fen ({@link zhifa.shared.Money#fen}). */
	public static Long fen(BigDecimal yuan) {
		return zhifa.shared.Money.fen(yuan, "amount");
	}
}
